package dev.lazaret.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link RecordSpace} must do; subclasses supply spaces of a fresh, empty store. */
public abstract class RecordSpaceContract {

  /** The space {@code name} of a store opened before each test and closed after. */
  protected abstract RecordSpace space(String name);

  protected static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  protected static List<String> keys(List<Record> records) {
    return records.stream().map(Record::key).toList();
  }

  @Test
  void putGetReplaceDelete() {
    RecordSpace holds = space("holds");
    assertThat(holds.get("left-pad@1.0.0")).isEmpty();
    holds.put("left-pad@1.0.0", bytes("{\"held\":true}"));
    assertThat(holds.get("left-pad@1.0.0")).hasValueSatisfying(
        v -> assertThat(v).isEqualTo(bytes("{\"held\":true}")));
    holds.put("left-pad@1.0.0", bytes("{\"held\":false}"));
    assertThat(holds.get("left-pad@1.0.0")).hasValueSatisfying(
        v -> assertThat(v).isEqualTo(bytes("{\"held\":false}")));
    holds.delete("left-pad@1.0.0");
    holds.delete("left-pad@1.0.0");
    assertThat(holds.get("left-pad@1.0.0")).isEmpty();
  }

  @Test
  void emptyValuesAndEmptyKeysAreStored() {
    RecordSpace rules = space("rules");
    rules.put("", new byte[0]);
    assertThat(rules.get("")).hasValueSatisfying(v -> assertThat(v).isEmpty());
    assertThat(rules.count("")).isOne();
  }

  @Test
  void aKeyInOneSpaceIsInvisibleInAnother() {
    space("holds").put("shared-key", bytes("hold"));
    assertThat(space("rules").get("shared-key")).isEmpty();
    assertThat(space("rules").scan("", null, 10)).isEmpty();
    assertThat(space("rules").count("")).isZero();
    space("rules").delete("shared-key");
    assertThat(space("holds").get("shared-key")).isPresent();
  }

  @Test
  void spacesSharingANamePrefixAreKeptApart() {
    // "holds" + NUL + key must never look like "holds2"'s or "hold"'s keys, whatever the key holds.
    space("hold").put("s\0x", bytes("a"));
    space("holds").put("x", bytes("b"));
    space("holds2").put("x", bytes("c"));
    assertThat(keys(space("hold").scan("", null, 10))).containsExactly("s\0x");
    assertThat(keys(space("holds").scan("", null, 10))).containsExactly("x");
    assertThat(space("holds2").get("x")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("c")));
    assertThat(space("hold").count("")).isOne();
  }

  @Test
  void scanReturnsOnlyThePrefixInKeyOrder() {
    RecordSpace holds = space("holds");
    for (String key : List.of("b/2", "a", "b/10", "b/1", "b", "c/1", "b0")) {
      holds.put(key, bytes(key));
    }
    assertThat(keys(holds.scan("b/", null, 100))).containsExactly("b/1", "b/10", "b/2");
    assertThat(keys(holds.scan("b", null, 100))).containsExactly("b", "b/1", "b/10", "b/2", "b0");
    assertThat(keys(holds.scan("", null, 100)))
        .containsExactly("a", "b", "b/1", "b/10", "b/2", "b0", "c/1");
    assertThat(holds.scan("b/", null, 100).getFirst().value()).isEqualTo(bytes("b/1"));
    assertThat(holds.scan("zzz", null, 100)).isEmpty();
    assertThat(holds.count("b/")).isEqualTo(3);
    assertThat(holds.count("b")).isEqualTo(5);
    assertThat(holds.count("")).isEqualTo(7);
  }

  @Test
  void pagingWithStartAfterVisitsEveryKeyOnce() {
    RecordSpace decisions = space("decisions");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 95; i++) {
      String key = String.format("pkg-%03d", i);
      expected.add(key);
      decisions.put(key, bytes(key));
    }
    decisions.put("other", bytes("x"));
    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    while (true) {
      List<Record> page = decisions.scan("pkg-", after, 10);
      if (page.isEmpty()) {
        break;
      }
      pages++;
      seen.addAll(keys(page));
      after = page.getLast().key();
    }
    assertThat(seen).isEqualTo(expected);
    assertThat(pages).isEqualTo(10);
  }

  @Test
  void startAfterOutsideThePrefixIsClamped() {
    RecordSpace rules = space("rules");
    for (String key : List.of("a1", "b1", "b2", "c1")) {
      rules.put(key, bytes(key));
    }
    assertThat(keys(rules.scan("b", "a9", 10))).containsExactly("b1", "b2");
    assertThat(keys(rules.scan("b", "b1", 10))).containsExactly("b2");
    assertThat(keys(rules.scan("b", "b", 10))).containsExactly("b1", "b2");
    assertThat(rules.scan("b", "c", 10)).isEmpty();
  }

  @Test
  void prefixesWithSpecialCharactersMatchExactly() {
    RecordSpace publishers = space("publishers");
    List<String> keys = List.of("@scope/a", "@scope/b", "@scopex/a", "a%2Fb", "ünï/1", "ünï/2",
        "ünïx", "emoji-😀/1", "emoji-😀/2", "nul\0a", "nul\0b", "nulx", "\uFFFF", "\uFFFF\uFFFF");
    for (String key : keys) {
      publishers.put(key, bytes(key));
    }
    assertThat(keys(publishers.scan("@scope/", null, 10))).containsExactly("@scope/a", "@scope/b");
    assertThat(keys(publishers.scan("ünï/", null, 10))).containsExactly("ünï/1", "ünï/2");
    assertThat(keys(publishers.scan("emoji-😀", null, 10)))
        .containsExactly("emoji-😀/1", "emoji-😀/2");
    assertThat(keys(publishers.scan("nul\0", null, 10))).containsExactly("nul\0a", "nul\0b");
    assertThat(keys(publishers.scan("\uFFFF", null, 10))).containsExactly("\uFFFF", "\uFFFF\uFFFF");
    assertThat(publishers.count("%")).isZero();
    assertThat(publishers.count("a%")).isOne();
    assertThat(publishers.get("nul\0a")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("nul\0a")));
  }

  @Test
  void keysOrderByCodePointNotByUtf16() {
    RecordSpace rules = space("rules");
    // U+FFFF sorts before U+1F600 by code point (and UTF-8), after it by UTF-16 code units.
    rules.put("😀", bytes("emoji"));
    rules.put("\uFFFF", bytes("max-bmp"));
    assertThat(keys(rules.scan("", null, 10))).containsExactly("\uFFFF", "😀");
  }

  @Test
  void invalidArgumentsAreRejected() {
    assertThatThrownBy(() -> space("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> space("a\0b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> space("holds").scan("", null, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> space("holds").put("k", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> space("holds").get(null)).isInstanceOf(NullPointerException.class);
  }
}
