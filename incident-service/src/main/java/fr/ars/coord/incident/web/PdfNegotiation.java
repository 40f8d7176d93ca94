package fr.ars.coord.incident.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Whether a caller asked for a PDF rather than JSON, from its {@code Accept} header. */
final class PdfNegotiation {

    private PdfNegotiation() {}

    /**
     * {@code review} as JSON, or as the PDF {@code pdf} renders from it (named {@code filename}) when the caller
     * prefers one.
     */
    static <T> ResponseEntity<?> answer(String accept, T review, Function<T, byte[]> pdf, String filename) {
        if (!prefersPdf(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(review);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename).build().toString())
                .body(pdf.apply(review));
    }

    /** The PDF when the client ranks it above JSON; JSON when it asks for nothing in particular. */
    static boolean prefersPdf(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (IllegalArgumentException e) {
            return false;
        }
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_PDF) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
