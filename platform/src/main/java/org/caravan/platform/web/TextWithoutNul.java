package org.caravan.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Every text field of every request: PostgreSQL cannot store U+0000, so a text carrying it is refused where it is
 * read, naming the field, instead of failing as a 500 when it reaches the database.
 */
final class TextWithoutNul extends StringDeserializer {

    static final String MESSAGE = "must not contain the NUL character (U+0000)";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = super.deserialize(parser, context);
        if (text != null && text.indexOf('\u0000') >= 0) {
            return (String) context.reportInputMismatch(String.class, MESSAGE);
        }
        return text;
    }
}
