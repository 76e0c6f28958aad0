package org.olympiad.competitions.documents.document;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.documents.Feeds;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olympiad.competitions.documents.Feeds.as;
import static org.olympiad.competitions.documents.Feeds.awaitJob;
import static org.olympiad.competitions.documents.Feeds.documentsOf;

/** The PDF a holder downloads, read back: Cyrillic text in an embedded font, and a QR code that opens verification. */
@QuarkusTest
class DocumentPdfTest {

    Feeds feeds;

    @BeforeEach
    void connect() {
        feeds = new Feeds();
    }

    @AfterEach
    void close() {
        feeds.close();
    }

    @Test
    void a_diploma_prints_the_name_award_event_season_date_and_code_and_its_qr_code_opens_verification() throws Exception {
        Feeds.Season season = feeds.season("Всероссийская олимпиада по математике", "Сезон 2026/27");
        UUID holderUser = UUID.randomUUID();
        UUID holder = feeds.participant(season, "Иванова Мария Петровна", holderUser);
        UUID publication = UUID.randomUUID();
        feeds.published(feeds.result(season, holder, publication, "diploma_1", "Диплом I степени"));
        feeds.publicationPublished(season, publication, 1);
        awaitJob(publication, "succeeded");
        Map<String, Object> document = documentsOf(holder).get(0);
        String code = (String) document.get("verificationCode");

        byte[] pdf = as("participant", holderUser).accept("application/pdf")
                .get("/award-documents/{id}/pdf", document.get("id")).then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", org.hamcrest.Matchers.containsString(code))
                .extract().asByteArray();

        try (PDDocument read = Loader.loadPDF(pdf)) {
            assertThat(read.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(read);
            assertThat(text).contains("ДИПЛОМ", "Диплом I степени", "Иванова Мария Петровна",
                    "Всероссийская олимпиада по математике", "Сезон 2026/27", code, " г.");
            assertThat(fonts(read)).isNotEmpty().allSatisfy(font -> {
                assertThat(font.getName()).contains("DejaVuSans");
                assertThat(font.isEmbedded()).isTrue();
            });
            String base = ConfigProvider.getConfig().getValue("competitions.documents.verification-base-url", String.class);
            assertThat(qrCodeOf(read)).isEqualTo(base + code);
        }
    }

    private static List<PDFont> fonts(PDDocument document) throws Exception {
        PDResources resources = document.getPage(0).getResources();
        List<PDFont> fonts = new ArrayList<>();
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        return fonts;
    }

    /**
     * Renders the page as a scanner would see it and decodes the QR code in its lower right quarter. Like a phone
     * that takes several frames, it tries a few resolutions and both of ZXing's binarizers: ZXing alone misreads about
     * one clean code in a thousand at one particular resolution (seen: a ChecksumException at 150 dpi that decodes at
     * 100, 200 and 300 dpi), so one try would make the test flaky without saying anything about the document.
     */
    static String qrCodeOf(PDDocument document) throws Exception {
        ReaderException last = null;
        for (int dpi : new int[] {150, 200, 300}) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, dpi);
            BufferedImage corner = page.getSubimage(page.getWidth() / 2, page.getHeight() / 2, page.getWidth() / 2,
                    page.getHeight() / 2);
            int[] pixels = corner.getRGB(0, 0, corner.getWidth(), corner.getHeight(), null, 0, corner.getWidth());
            var luminance = new RGBLuminanceSource(corner.getWidth(), corner.getHeight(), pixels);
            for (var bitmap : List.of(new BinaryBitmap(new HybridBinarizer(luminance)),
                    new BinaryBitmap(new GlobalHistogramBinarizer(luminance)))) {
                try {
                    return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
                } catch (ReaderException e) {
                    last = e;
                }
            }
        }
        throw last;
    }
}
