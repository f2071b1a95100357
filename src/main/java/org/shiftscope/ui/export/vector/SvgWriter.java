// Writes a VectorScene as SVG 1.1 with the JDK's StAX writer: polylines as <path>, text as <text> in the font
// family JavaFX used (so a renderer finds the same font), canvases kept as pixels as embedded PNG <image>s.
// Sizes are in CSS pixels, one per scene pixel, the PNG export's 1× layout.
package org.shiftscope.ui.export.vector;

import org.shiftscope.ui.export.vector.VectorScene.Item;
import org.shiftscope.ui.export.vector.VectorScene.Rgba;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

public final class SvgWriter {
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private final XMLStreamWriter xml;
    private int clips;

    private SvgWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    public static void write(VectorScene scene, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("svg");
            xml.writeDefaultNamespace(SVG);
            xml.writeNamespace("xlink", XLINK);
            xml.writeAttribute("version", "1.1");
            xml.writeAttribute("width", number(scene.width()));
            xml.writeAttribute("height", number(scene.height()));
            xml.writeAttribute("viewBox", "0 0 " + number(scene.width()) + " " + number(scene.height()));
            new SvgWriter(xml).items(scene.items());
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("could not write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private void items(List<Item> items) throws XMLStreamException, IOException {
        for (Item item : items) {
            if (item instanceof VectorScene.Shape s) {
                shape(s);
            } else if (item instanceof VectorScene.Text t) {
                text(t);
            } else if (item instanceof VectorScene.Image i) {
                image(i);
            } else if (item instanceof VectorScene.Clip c) {
                clip(c);
            }
        }
    }

    private void shape(VectorScene.Shape s) throws XMLStreamException {
        var d = new StringBuilder();
        for (double[] xy : s.polylines()) {
            for (int i = 0; i + 1 < xy.length; i += 2) {
                d.append(i == 0 ? 'M' : 'L').append(number(xy[i])).append(' ').append(number(xy[i + 1]));
            }
            if (s.closed()) {
                d.append('Z');
            }
        }
        xml.writeEmptyElement("path");
        xml.writeAttribute("class", cssName(s.role()));
        xml.writeAttribute("d", d.toString());
        paint("fill", s.fill());
        if (s.stroke() != null) {
            paint("stroke", s.stroke().color());
            xml.writeAttribute("stroke-width", number(s.stroke().width()));
            if (s.stroke().dashes().length > 0) {
                var dashes = new StringBuilder();
                for (double dash : s.stroke().dashes()) {
                    dashes.append(dashes.isEmpty() ? "" : ",").append(number(dash));
                }
                xml.writeAttribute("stroke-dasharray", dashes.toString());
            }
        }
    }

    private void text(VectorScene.Text t) throws XMLStreamException {
        xml.writeStartElement("text");
        xml.writeAttribute("class", cssName(t.role()));
        xml.writeAttribute("x", number(t.x()));
        xml.writeAttribute("y", number(t.y()));
        xml.writeAttribute("font-family", "'" + t.face().family() + "'");
        xml.writeAttribute("font-size", number(t.face().size()));
        if (t.face().bold()) {
            xml.writeAttribute("font-weight", "bold");
        }
        if (t.face().italic()) {
            xml.writeAttribute("font-style", "italic");
        }
        paint("fill", t.fill());
        if (t.rotation() != 0) {
            xml.writeAttribute("transform", "rotate(" + number(t.rotation()) + " " + number(t.x()) + " " + number(t.y()) + ")");
        }
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "space", "preserve");
        xml.writeCharacters(t.text());
        xml.writeEndElement();
    }

    private void image(VectorScene.Image i) throws XMLStreamException, IOException {
        var png = new ByteArrayOutputStream();
        ImageIO.write(i.pixels(), "png", png);
        xml.writeEmptyElement("image");
        xml.writeAttribute("x", number(i.x()));
        xml.writeAttribute("y", number(i.y()));
        xml.writeAttribute("width", number(i.width()));
        xml.writeAttribute("height", number(i.height()));
        xml.writeAttribute("preserveAspectRatio", "none");
        xml.writeAttribute(XLINK, "href", "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()));
    }

    private void clip(VectorScene.Clip c) throws XMLStreamException, IOException {
        String id = "clip" + (++clips);
        xml.writeStartElement("clipPath");
        xml.writeAttribute("id", id);
        xml.writeEmptyElement("rect");
        xml.writeAttribute("x", number(c.x()));
        xml.writeAttribute("y", number(c.y()));
        xml.writeAttribute("width", number(c.width()));
        xml.writeAttribute("height", number(c.height()));
        xml.writeEndElement();
        xml.writeStartElement("g");
        xml.writeAttribute("clip-path", "url(#" + id + ")");
        items(c.items());
        xml.writeEndElement();
    }

    private void paint(String attribute, Rgba color) throws XMLStreamException {
        if (color == null) {
            xml.writeAttribute(attribute, "none");
            return;
        }
        xml.writeAttribute(attribute, String.format(Locale.ROOT, "#%02x%02x%02x", color.red(), color.green(), color.blue()));
        if (color.alpha() < 1) {
            xml.writeAttribute(attribute + "-opacity", number(color.alpha()));
        }
    }

    /** "tick-label" for TICK_LABEL. */
    static String cssName(VectorScene.Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** At most three decimals (a thousandth of a pixel), no trailing zeros, never an exponent. */
    static String number(double value) {
        long thousandths = Math.round(value * 1000);
        String sign = thousandths < 0 ? "-" : "";
        long magnitude = Math.abs(thousandths);
        long fraction = magnitude % 1000;
        if (fraction == 0) {
            return sign + magnitude / 1000;
        }
        var digits = new StringBuilder(sign).append(magnitude / 1000).append('.');
        for (long unit = 100; fraction > 0; unit /= 10) {
            digits.append((char) ('0' + fraction / unit));
            fraction %= unit;
        }
        return digits.toString();
    }
}
