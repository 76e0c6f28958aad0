package org.olympiad.competitions.venue.venue;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;

import java.util.UUID;

/**
 * The public listing's filters: {@code view} (list or map; by the venue's {@code public_visibility}),
 * {@code gradeCategoryId}, {@code minFreeSeats}, and a point ({@code lat}, {@code lon}) with an optional radius
 * {@code withinKm}; given a point, the nearest venues come first.
 */
public class PublicVenueQuery {

    public enum View { list, map }

    @QueryParam("view")
    public View view;

    @QueryParam("gradeCategoryId")
    public UUID gradeCategoryId;

    @QueryParam("minFreeSeats")
    @Min(1)
    @Max(100_000)
    public Integer minFreeSeats;

    @QueryParam("lat")
    @DecimalMin("-90")
    @DecimalMax("90")
    public Double lat;

    @QueryParam("lon")
    @DecimalMin("-180")
    @DecimalMax("180")
    public Double lon;

    @QueryParam("withinKm")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("20040")
    public Double withinKm;
}
