package dev.rosetta.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MixAndXmlTest {
    @Test
    void mix() {
        assertThat(Mix.parse("get=45,stat=30,put=15,delete=10")).isEqualTo(Mix.DEFAULT);
        assertThat(Mix.parse("get=1")).isEqualTo(new Mix(1, 0, 0, 0));
        assertThatThrownBy(() -> Mix.parse("copy=5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mix.parse("get=0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void xml() {
        String body = "<ListBucketResult><IsTruncated>true</IsTruncated><Contents><Key>a&amp;b&lt;c&#x41;</Key></Contents>"
                + "<Contents><Key>d</Key></Contents><NextContinuationToken>t/1==</NextContinuationToken></ListBucketResult>";
        assertThat(Xml.first(body, "IsTruncated")).isEqualTo("true");
        assertThat(Xml.first(body, "NextContinuationToken")).isEqualTo("t/1==");
        assertThat(Xml.blocks(body, "Contents").stream().map(c -> Xml.first(c, "Key"))).containsExactly("a&b<cA", "d");
        assertThat(Xml.first(body, "Missing")).isNull();
    }

    @Test
    void keyPoolNeverHandsOutAKeyBeingRead() {
        KeyPool pool = new KeyPool(List.of("a"), 0);
        KeyPool.Entry a = pool.borrow();
        assertThat(a.key).isEqualTo("a");
        assertThat(pool.takeForDelete()).isNull(); // being read
        pool.release(a);
        assertThat(pool.takeForDelete()).isEqualTo("a");
        assertThat(pool.borrow()).isNull();
        pool.add("b");
        assertThat(pool.size()).isEqualTo(1);

        KeyPool floor = new KeyPool(List.of("x", "y", "z"), 2);
        assertThat(floor.takeForDelete()).isNotNull();
        assertThat(floor.takeForDelete()).isNull(); // at its minimum
        assertThat(floor.size()).isEqualTo(2);
    }
}
