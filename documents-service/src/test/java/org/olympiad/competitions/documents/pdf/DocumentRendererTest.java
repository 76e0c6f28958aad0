package org.olympiad.competitions.documents.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renderer lays documents out from fonts cut once to the common repertoire; a document with a character outside
 * it must still print every character (from the whole font), and both kinds embed only a subset of DejaVu Sans.
 */
class DocumentRendererTest {

    private final DocumentRenderer renderer = new DocumentRenderer();

    @Test
    void a_russian_diploma_prints_every_line_in_an_embedded_subset_of_dejavu() throws Exception {
        byte[] pdf = renderer.render(content("Иванова Мария-Луиза Петровна", "Олимпиада «Ёлка» № 5 — 2026"));
        try (PDDocument read = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(read)).contains("Иванова Мария-Луиза Петровна",
                    "Олимпиада «Ёлка» № 5 — 2026", "ДИПЛОМ", "Код проверки: 7K3M-Q9TX-2HCW-R8VD");
            assertEmbeddedSubsets(read);
        }
        // a subset of the glyphs it uses, not the whole font (the regular face alone is 750 KB)
        assertThat(pdf.length).isLessThan(60_000);
    }

    @Test
    void a_name_outside_the_common_repertoire_is_printed_from_the_whole_font() throws Exception {
        String greek = "Παπαδοπούλου Ελένη";
        String armenian = "Արամ Սարգսյան";
        for (String name : List.of(greek, armenian)) {
            byte[] pdf = renderer.render(content(name, "Олимпиада по математике"));
            try (PDDocument read = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(read)).contains(name, "Олимпиада по математике");
                assertEmbeddedSubsets(read);
            }
            assertThat(pdf.length).isLessThan(60_000);
        }
    }

    private static DocumentContent content(String holder, String event) {
        return new DocumentContent("ДИПЛОМ", "Диплом I степени", holder, "", event, "Сезон 2026/27",
                LocalDate.of(2026, 11, 25), "7K3M-Q9TX-2HCW-R8VD", "https://olympiad.example/verify/7K3M-Q9TX-2HCW-R8VD");
    }

    private static void assertEmbeddedSubsets(PDDocument document) throws Exception {
        PDResources resources = document.getPage(0).getResources();
        List<PDFont> fonts = new ArrayList<>();
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        assertThat(fonts).hasSize(2).allSatisfy(font -> {
            assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSans(-Bold)?");
            assertThat(font.isEmbedded()).isTrue();
        });
    }
}
