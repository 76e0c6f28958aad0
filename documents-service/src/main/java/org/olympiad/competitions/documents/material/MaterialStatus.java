package org.olympiad.competitions.documents.material;

/** {@code competition_teacher_materials.status}. */
public enum MaterialStatus {
    draft, published, archived
}
