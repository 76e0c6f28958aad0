package org.olympiad.competitions.documents.pdf;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lays out a diploma, certificate or letter as a one-page A4 landscape PDF with PDFBox: the recipient's name in
 * Cyrillic in DejaVu Sans (shipped in this module with its licence, embedded as a subset so the file carries only the
 * glyphs it uses), the award, event, season and date, the verification code, and a QR code of the public verification
 * URL drawn as vector squares (sharp at any print size, and small).
 * <p>
 * Thread-safe: each thread parses the fonts once and keeps them, since a parsed font is not safe to share while a
 * subset is being taken from it.
 * <p>
 * Taking a subset of the whole DejaVu Sans (about 6,000 glyphs, 750 KB) for every document was most of a document's
 * cost, so the fonts are cut once, at start, to the common repertoire of certificates (Latin and Cyrillic with
 * their extensions, digits, punctuation, currency, №; a few hundred glyphs), and each document takes its subset from
 * that. A document with a character outside the repertoire (a name in Greek, say) is laid out from the whole font,
 * as before: the file is the same either way, a subset with the glyphs the document uses.
 */
@ApplicationScoped
public class DocumentRenderer {

    private static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 48;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'г.'", Locale.forLanguageTag("ru"));
    private static final byte[] REGULAR = resource("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("fonts/DejaVuSans-Bold.ttf");
    /** Unicode blocks of the common repertoire: Latin, Latin-1, Latin Extended-A, Cyrillic (+ Supplement), General
     *  Punctuation, Currency Symbols, Letterlike Symbols (№). */
    private static final int[][] COMMON_BLOCKS = {{0x20, 0x7E}, {0xA0, 0x17F}, {0x400, 0x52F}, {0x2000, 0x206F},
            {0x20A0, 0x20BF}, {0x2100, 0x214F}};
    private static final BitSet COMMON = common();
    private static final byte[] COMMON_REGULAR = commonSubset(REGULAR);
    private static final byte[] COMMON_BOLD = commonSubset(BOLD);
    private static final ThreadLocal<Fonts> WHOLE_FONTS = ThreadLocal.withInitial(() -> Fonts.parse(REGULAR, BOLD));
    private static final ThreadLocal<Fonts> COMMON_FONTS =
            ThreadLocal.withInitial(() -> Fonts.parse(COMMON_REGULAR, COMMON_BOLD));

    private record Fonts(TrueTypeFont regular, TrueTypeFont bold) {
        static Fonts parse(byte[] regular, byte[] bold) {
            try {
                return new Fonts(new TTFParser().parse(new RandomAccessReadBuffer(regular)),
                        new TTFParser().parse(new RandomAccessReadBuffer(bold)));
            } catch (IOException e) {
                throw new UncheckedIOException("the shipped DejaVu fonts do not parse", e);
            }
        }
    }

    /** The PDF's bytes. */
    public byte[] render(DocumentContent content) {
        Fonts fonts = inCommonRepertoire(content) ? COMMON_FONTS.get() : WHOLE_FONTS.get();
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = PDType0Font.load(document, fonts.regular(), true);
            PDType0Font bold = PDType0Font.load(document, fonts.bold(), true);
            PDPage page = new PDPage(A4_LANDSCAPE);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(content.heading() + " — " + content.holderName());
            info.setSubject(content.seasonTitle());
            info.setKeywords(content.verificationCode());
            info.setCreator("competitions documents-service");

            float width = A4_LANDSCAPE.getWidth();
            float height = A4_LANDSCAPE.getHeight();
            try (PDPageContentStream page0 = new PDPageContentStream(document, page)) {
                frame(page0, width, height);
                float y = height - 110;
                y = centred(page0, bold, 40, nonEmpty(content.eventTitle(), content.seasonTitle()), width, y, 22) - 18;
                if (!content.eventTitle().isBlank()) {
                    y = centred(page0, regular, 18, content.seasonTitle(), width, y, 18) - 26;
                }
                y = centred(page0, bold, 44, content.heading(), width, y, 44) - 14;
                if (!content.awardLine().isBlank()) {
                    y = centred(page0, regular, 24, content.awardLine(), width, y, 24) - 24;
                }
                y = centred(page0, regular, 14, "вручается", width, y, 14) - 14;
                y = centred(page0, bold, 30, content.holderName(), width, y, 30) - 16;
                if (!content.body().isBlank()) {
                    centred(page0, regular, 14, content.body(), width, y, 14);
                }

                float qrSize = 110;
                float qrX = width - MARGIN - 18 - qrSize;
                float qrY = MARGIN + 22;
                qr(page0, content.verificationUrl(), qrX, qrY, qrSize);
                left(page0, regular, 12, DATE.format(content.issuedOn()), MARGIN + 24, MARGIN + 96);
                left(page0, regular, 11, "Код проверки: " + content.verificationCode(), MARGIN + 24, MARGIN + 62);
                left(page0, regular, 9, "Проверить подлинность: " + content.verificationUrl(), MARGIN + 24, MARGIN + 44);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(40_000);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a document could not be laid out", e);
        }
    }

    private static void frame(PDPageContentStream page, float width, float height) throws IOException {
        page.setStrokingColor(0.55f, 0.45f, 0.15f);
        page.setLineWidth(3);
        page.addRect(MARGIN / 2, MARGIN / 2, width - MARGIN, height - MARGIN);
        page.stroke();
        page.setLineWidth(0.8f);
        page.addRect(MARGIN / 2 + 8, MARGIN / 2 + 8, width - MARGIN - 16, height - MARGIN - 16);
        page.stroke();
    }

    /** One centred line, shrunk until it fits the page; returns the baseline of the next line. */
    private static float centred(PDPageContentStream page, PDType0Font font, float size, String text, float width,
                                 float y, float lineHeight) throws IOException {
        float available = width - 2 * MARGIN - 40;
        float fitted = size;
        float textWidth = font.getStringWidth(text) / 1000 * fitted;
        while (textWidth > available && fitted > 8) {
            fitted -= 1;
            textWidth = font.getStringWidth(text) / 1000 * fitted;
        }
        page.beginText();
        page.setFont(font, fitted);
        page.setNonStrokingColor(0.1f, 0.1f, 0.1f);
        page.newLineAtOffset((width - textWidth) / 2, y);
        page.showText(text);
        page.endText();
        return y - lineHeight;
    }

    private static void left(PDPageContentStream page, PDType0Font font, float size, String text, float x, float y)
            throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.setNonStrokingColor(0.2f, 0.2f, 0.2f);
        page.newLineAtOffset(x, y);
        page.showText(text);
        page.endText();
    }

    /** The QR code of the text, with a quiet zone of 4 modules, as filled squares (one rectangle per dark run). */
    private static void qr(PDPageContentStream page, String text, float x, float y, float size) throws IOException {
        ByteMatrix matrix;
        try {
            QRCode code = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
            matrix = code.getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("the verification URL does not fit a QR code: " + text, e);
        }
        int modules = matrix.getWidth();
        float module = size / (modules + 8);
        float originX = x + 4 * module;
        float originY = y + 4 * module;
        page.setNonStrokingColor(1f, 1f, 1f);
        page.addRect(x, y, size, size);
        page.fill();
        page.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < modules; row++) {
            int column = 0;
            while (column < modules) {
                if (matrix.get(column, row) != 1) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < modules && matrix.get(column, row) == 1) {
                    column++;
                }
                // rows count down from the top in the matrix and up from the bottom on the page
                page.addRect(originX + start * module, originY + (modules - 1 - row) * module,
                        (column - start) * module, module);
            }
        }
        page.fill();
    }

    /** Whether every character the document prints is one of the common repertoire's (which both fonts have). */
    private static boolean inCommonRepertoire(DocumentContent content) {
        for (String text : new String[]{content.heading(), content.awardLine(), content.holderName(), content.body(),
                content.eventTitle(), content.seasonTitle(), content.verificationCode(), content.verificationUrl()}) {
            if (text != null && !text.codePoints().allMatch(COMMON::get)) {
                return false;
            }
        }
        return true; // the fixed texts and the Russian date are Cyrillic, Latin and digits
    }

    /** The code points of the common blocks that both shipped fonts have a glyph for. */
    private static BitSet common() {
        try {
            BitSet both = new BitSet();
            var regular = new TTFParser().parse(new RandomAccessReadBuffer(REGULAR)).getUnicodeCmapLookup();
            var bold = new TTFParser().parse(new RandomAccessReadBuffer(BOLD)).getUnicodeCmapLookup();
            for (int[] block : COMMON_BLOCKS) {
                for (int c = block[0]; c <= block[1]; c++) {
                    if (regular.getGlyphId(c) != 0 && bold.getGlyphId(c) != 0) {
                        both.set(c);
                    }
                }
            }
            return both;
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped DejaVu fonts do not parse", e);
        }
    }

    /** The font cut to the common repertoire: a complete TrueType font of its own, a few hundred glyphs. */
    private static byte[] commonSubset(byte[] font) {
        try {
            TTFSubsetter subsetter = new TTFSubsetter(new TTFParser().parse(new RandomAccessReadBuffer(font)));
            subsetter.addAll(COMMON.stream().boxed().collect(Collectors.toSet()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            subsetter.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped DejaVu fonts cannot be cut to the common repertoire", e);
        }
    }

    private static String nonEmpty(String preferred, String otherwise) {
        return preferred == null || preferred.isBlank() ? otherwise : preferred;
    }

    private static byte[] resource(String name) {
        try (InputStream in = DocumentRenderer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the service's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
