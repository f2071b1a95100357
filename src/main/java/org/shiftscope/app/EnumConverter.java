// Reads an enum option case-insensitively; an unknown value is a usage error that lists the allowed ones
// ("'maybe' is not one of off, on, frozen") instead of Java's "No enum constant …".
package org.shiftscope.app;

import picocli.CommandLine;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

final class EnumConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
    private final Class<E> type;
    private final Function<String, E> parse;

    EnumConverter(Class<E> type, Function<String, E> parse) {
        this.type = type;
        this.parse = parse;
    }

    @Override
    public E convert(String text) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not one of " + allowed(type));
        }
    }

    /** The values as typed on the command line: "off, on, frozen". */
    static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
    }
}
