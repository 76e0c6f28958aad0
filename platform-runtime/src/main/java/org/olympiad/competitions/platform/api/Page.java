package org.olympiad.competitions.platform.api;

import java.util.List;
import java.util.function.Function;

/** One page of a listing, with what a client needs to ask for the next one. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Runs the query for one page and its total count, mapping each entity to its view. */
    public static <E, R> io.smallrye.mutiny.Uni<Page<R>> of(
            io.quarkus.hibernate.reactive.panache.PanacheQuery<E> query, PageRequest request, Function<E, R> view) {
        return query.page(request.toPanache()).list().chain(items -> query.count()
                .map(total -> new Page<>(items.stream().map(view).toList(), request.page, request.size, total)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
