package dev.rosetta.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesWhatJacksonAndTheOwnReaderRead() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("text", "a \"quoted\" \\ line\nwith\ttabs and \u0001");
        doc.put("long", 1234567890123L);
        doc.put("double", 1234.56789);
        doc.put("small", 0.000123456);
        doc.put("whole", 15.0);
        doc.put("nan", Double.NaN);
        doc.put("none", null);
        doc.put("flag", true);
        doc.put("list", List.of(1, "two", Map.of()));
        doc.put("empty", List.of());
        String text = Json.write(doc);

        Map<?, ?> jackson = new ObjectMapper().readValue(text, Map.class);
        assertThat(jackson.get("text")).isEqualTo(doc.get("text"));
        assertThat(((Number) jackson.get("long")).longValue()).isEqualTo(1234567890123L);
        assertThat(((Number) jackson.get("double")).doubleValue()).isEqualTo(1234.57);
        assertThat(((Number) jackson.get("small")).doubleValue()).isEqualTo(0.000123456);
        assertThat(jackson.get("whole")).isEqualTo(15);
        assertThat(jackson.get("nan")).isNull();
        assertThat(jackson.get("flag")).isEqualTo(true);

        Map<?, ?> own = (Map<?, ?>) Json.parse(text);
        assertThat(own.get("text")).isEqualTo(doc.get("text"));
        assertThat(own.get("long")).isEqualTo(1234567890123L);
        assertThat(own.get("list")).isEqualTo(List.of(1L, "two", Map.of()));
        assertThat(List.copyOf(own.keySet())).isEqualTo(List.copyOf(doc.keySet()));
    }
}
