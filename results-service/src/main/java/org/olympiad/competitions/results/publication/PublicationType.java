package org.olympiad.competitions.results.publication;

/** {@code competition_publications.type}; the two results types change what results show. */
public enum PublicationType { personal_results, public_results, works, materials, training, venues;

    public boolean publishesResults() {
        return this == personal_results || this == public_results;
    }
}
