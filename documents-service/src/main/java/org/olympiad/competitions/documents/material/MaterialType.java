package org.olympiad.competitions.documents.material;

/** {@code competition_teacher_materials.material_type}, the seed's list. */
public enum MaterialType {
    poster, banner, announcement_text, school_news_text, teacher_instruction, student_instruction, parent_instruction,
    tour_material, participant_list, report_template, photo_report, results_news, gratitude
}
