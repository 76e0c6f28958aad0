package org.olympiad.competitions.platform.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** {@code ?page=&size=} of every listing: pages count from 0, at most 200 items each. */
public class PageRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(100_000)
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(200)
    public int size;

    public io.quarkus.panache.common.Page toPanache() {
        return io.quarkus.panache.common.Page.of(page, size);
    }
}
