package org.olympiad.competitions.venue.venue;

/** {@code competition_venues.public_visibility}: where the public listing shows a venue. */
public enum PublicVisibility {
    hidden, list, map, list_and_map;

    public boolean onList() {
        return this == list || this == list_and_map;
    }

    public boolean onMap() {
        return this == map || this == list_and_map;
    }
}
