package org.olympiad.competitions.registration.registration;

/** {@code competition_official_data_package_status}: the ГИР data package, kept in identity; here only its status. */
public enum OfficialDataPackageStatus { not_required, not_filled, incomplete, needs_verification, confirmed, rejected }
