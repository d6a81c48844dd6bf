package org.scadamqtt.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Names, directions and Java types of the D2000 value types, and the quad codes. */
class TagTypeTest {

    @Test
    void parseIgnoresCaseAndSpaces() {
        assertEquals(Optional.of(TagType.TxtI), TagType.parse("txti"));
        assertEquals(Optional.of(TagType.Ai), TagType.parse(" AI "));
        assertEquals(Optional.empty(), TagType.parse("Ax"));
        assertEquals(Optional.empty(), TagType.parse(null));
        for (TagType t : TagType.values()) {
            assertEquals(Optional.of(t), TagType.parse(t.name()));
        }
    }

    @Test
    void inputsAndOutputsComeInPairsOfTheSameKind() {
        String[][] pairs = {{"Ai", "Ao"}, {"Ci", "Co"}, {"Di", "Do"}, {"TxtI", "TxtO"}, {"TiA", "ToA"}, {"TiR", "ToR"}};
        for (String[] p : pairs) {
            TagType in = TagType.valueOf(p[0]);
            TagType out = TagType.valueOf(p[1]);
            assertEquals(Direction.INPUT, in.direction());
            assertEquals(Direction.OUTPUT, out.direction());
            assertTrue(out.isOutput());
            assertEquals(in.kind(), out.kind());
        }
        assertEquals(Direction.INPUT, TagType.Qi.direction());
    }

    @Test
    void javaTypes() {
        assertEquals(Double.class, TagType.Ai.kind().javaType());
        assertEquals(Long.class, TagType.Ci.kind().javaType());
        assertEquals(Boolean.class, TagType.Di.kind().javaType());
        assertEquals(QiValue.class, TagType.Qi.kind().javaType());
        assertEquals(String.class, TagType.TxtI.kind().javaType());
        assertEquals(Instant.class, TagType.TiA.kind().javaType());
        assertEquals(Duration.class, TagType.TiR.kind().javaType());
    }

    @Test
    void quadCodesFollowD2000() {
        assertEquals(0, QiValue.Q_Trans.code());
        assertEquals(1, QiValue.Q_Off.code());
        assertEquals(2, QiValue.Q_On.code());
        assertEquals(3, QiValue.Q_Err.code());
        assertEquals(Optional.of(QiValue.Q_On), QiValue.ofCode(2));
        assertEquals(Optional.empty(), QiValue.ofCode(4));
        assertEquals(Optional.of(QiValue.Q_On), QiValue.ofName("on"));
        assertEquals(Optional.of(QiValue.Q_Err), QiValue.ofName("Q_ERR"));
        assertEquals(Optional.empty(), QiValue.ofName("maybe"));
        assertEquals(Optional.empty(), QiValue.ofName(null));
    }
}
