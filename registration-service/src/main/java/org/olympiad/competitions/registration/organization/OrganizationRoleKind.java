package org.olympiad.competitions.registration.organization;

/**
 * {@code competition_organization_roles.role}: what an organisation does in the season. {@code open_venue} lets it
 * apply for a venue open to all participants, {@code closed_group_host} host closed groups of its own students,
 * {@code organizer} run a part of the season.
 */
public enum OrganizationRoleKind { organizer, closed_group_host, open_venue }
