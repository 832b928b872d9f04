package org.caravan.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiDocumentsTests {

    @Test
    void keysAreSortedAtEveryDepthAndTheServersAreDropped() {
        String served =
                """
                {"paths":{"/b":{"get":{}},"/a":{"post":{"tags":["z","y"]}}},
                 "servers":[{"url":"http://127.0.0.1:41234","description":"Generated server url"}],
                 "openapi":"3.1.0"}""";
        String normalised = ApiDocuments.normalise(served);

        assertThat(normalised).doesNotContain("servers", "41234").endsWith("}\n");
        assertThat(normalised.indexOf("\"openapi\"")).isLessThan(normalised.indexOf("\"paths\""));
        assertThat(normalised.indexOf("\"/a\"")).isLessThan(normalised.indexOf("\"/b\""));
        assertThat(normalised.indexOf("\"z\"")).as("arrays keep their order").isLessThan(normalised.indexOf("\"y\""));
    }

    @Test
    void theSameDocumentWrittenDifferentlyNormalisesAlike() {
        assertThat(ApiDocuments.normalise("{\"b\":1,\"a\":{\"d\":[1,2],\"c\":null}}"))
                .isEqualTo(ApiDocuments.normalise("{ \"a\" : { \"c\" : null, \"d\" : [ 1, 2 ] }, \"b\" : 1 }\n"));
    }

    @Test
    void theTextIsWhatJavaScriptsStringifyWritesWithTwoSpaces() {
        assertThat(ApiDocuments.normalise("{\"b\":[1,\"x\"],\"a\":{},\"c\":[]}"))
                .isEqualTo("{\n  \"a\": {},\n  \"b\": [\n    1,\n    \"x\"\n  ],\n  \"c\": []\n}\n");
    }

    @Test
    void onlyTrueAsksForAnUpdate() {
        assertThat(ApiDocuments.updateRequested(null, null)).isFalse();
        assertThat(ApiDocuments.updateRequested("false", "yes")).isFalse();
        assertThat(ApiDocuments.updateRequested(null, "true")).isTrue();
        assertThat(ApiDocuments.updateRequested("TRUE", null)).isTrue();
    }
}
