package org.olympiad.competitions.registration.organization;

/** {@code competition_organization_roles.status}. */
public enum OrganizationRoleStatus { active, revoked }
