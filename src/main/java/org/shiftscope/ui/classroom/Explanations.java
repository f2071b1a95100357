// Finds the explanation entries in the resources: explanations/<language>/<id>.md for the user's language
// when a translation exists, else explanations/<id>.md (English). Ids are chart ids ("loss-chart") and
// scenario ids ("freeze-bn-curvature").
package org.shiftscope.ui.classroom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

public final class Explanations {
    private static final String FOLDER = "explanations/";
    private final Locale locale;

    public Explanations(Locale locale) {
        this.locale = locale;
    }

    public Optional<Explanation> find(String id) {
        if (id == null || !id.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        String translated = FOLDER + locale.getLanguage() + "/" + id + ".md";
        return read(translated).or(() -> read(FOLDER + id + ".md")).map(Explanation::parse);
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = Explanations.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
