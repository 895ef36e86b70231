package fr.espacesante.aws.document;

import fr.espacesante.domain.document.DocumentType;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a document really is, from its bytes, never from what the client said: PDF, JPEG and PNG by
 * their signatures; CDA R2 as XML whose root is {@code ClinicalDocument} in the {@code urn:hl7-org:v3}
 * namespace (parsed without DTDs or external entities); FHIR as a JSON object with a top-level
 * {@code resourceType}; plain text as valid UTF-8 without control characters. HTML, executables,
 * archives and anything else are recognised as nothing.
 */
public final class ContentSniffer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContentSniffer() {
    }

    public static Optional<DocumentType> sniff(byte[] bytes) {
        if (startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(DocumentType.PDF);
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(DocumentType.JPEG);
        }
        if (startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of(DocumentType.PNG);
        }
        Optional<String> text = utf8Text(bytes);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String trimmed = text.get().stripLeading();
        if (trimmed.startsWith("<")) {
            return isCda(bytes) ? Optional.of(DocumentType.CDA_R2) : Optional.empty();
        }
        if (trimmed.startsWith("{")) {
            return isFhir(bytes) ? Optional.of(DocumentType.FHIR_JSON) : Optional.empty();
        }
        return Optional.of(DocumentType.TEXT);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Valid UTF-8 (BOM allowed) with no control character but tab, CR, LF and form feed. */
    private static Optional<String> utf8Text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            boolean clean = text.chars().allMatch(c -> c >= 0x20 && c != 0x7F || c == '\t' || c == '\n' || c == '\r' || c == '\f');
            return clean && !text.isBlank() ? Optional.of(text) : Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isCda(byte[] bytes) {
        // The JDK's own parser, whatever else is on the class path, without DTDs or external entities.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                        boolean root = "ClinicalDocument".equals(reader.getLocalName())
                                && "urn:hl7-org:v3".equals(reader.getNamespaceURI());
                        if (!root) {
                            return false;
                        }
                        // The whole document must be well-formed XML.
                        while (reader.hasNext()) {
                            reader.next();
                        }
                        return true;
                    }
                }
                return false;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return false;
        }
    }

    /** A well-formed JSON object whose top level has a textual {@code resourceType}. */
    private static boolean isFhir(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean resourceType = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("resourceType".equals(name) && value == JsonToken.VALUE_STRING && !parser.getString().isBlank()) {
                    resourceType = true;
                }
                parser.skipChildren();
            }
            return resourceType && parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }
}
