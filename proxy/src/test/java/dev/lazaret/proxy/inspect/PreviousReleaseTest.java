package dev.lazaret.proxy.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Verdict;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.PackumentIndex;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreviousReleaseTest {

  /** 1.0.0, then 2.0.0-beta.1, then a backport 0.9.1, then 2.0.0, then the held 2.0.1. */
  private static final String PACKUMENT = """
      {"name":"p","versions":{
        "1.0.0":{"name":"p","version":"1.0.0","dist":{"tarball":"http://127.0.0.1/p-1.0.0.tgz"}},
        "2.0.0-beta.1":{"name":"p","version":"2.0.0-beta.1",
          "dist":{"tarball":"http://127.0.0.1/p-2.0.0-beta.1.tgz"}},
        "0.9.1":{"name":"p","version":"0.9.1","dist":{"tarball":"http://127.0.0.1/p-0.9.1.tgz"}},
        "2.0.0":{"name":"p","version":"2.0.0","dist":{"tarball":"http://127.0.0.1/p-2.0.0.tgz"}},
        "2.0.1":{"name":"p","version":"2.0.1","dist":{"tarball":"http://127.0.0.1/p-2.0.1.tgz"}}},
       "time":{"1.0.0":"2020-01-01T00:00:00Z","2.0.0-beta.1":"2021-01-01T00:00:00Z",
        "0.9.1":"2021-06-01T00:00:00Z","2.0.0":"2022-01-01T00:00:00Z",
        "2.0.1":"2023-01-01T00:00:00Z"}}""";

  private final PackumentIndex index = PackumentIndex.parse(PackageName.parse("p"),
      PACKUMENT.getBytes(StandardCharsets.UTF_8), URI.create("http://127.0.0.1/"));

  private PackageVerdict holding(String... held) {
    Map<String, Verdict> verdicts = new HashMap<>(
        PackageVerdict.allowing(index.versions().keySet()).verdicts());
    for (String v : held) {
      verdicts.put(v, new Verdict.Hold(Instant.parse("2030-01-01T00:00:00Z"), List.of("held")));
    }
    return new PackageVerdict(verdicts, Optional.empty());
  }

  @Test
  void aStableReleaseComparesWithTheLastStableAllowedByPublishTime() {
    assertThat(PreviousRelease.of(index, holding("2.0.1"), "2.0.1")).isEqualTo("2.0.0");
    assertThat(PreviousRelease.of(index, holding("2.0.1", "2.0.0"), "2.0.1")).isEqualTo("0.9.1");
    assertThat(PreviousRelease.of(index, holding("2.0.0"), "2.0.0")).isEqualTo("0.9.1");
  }

  @Test
  void aPrereleaseComparesWithAnyEarlierRelease() {
    assertThat(PreviousRelease.of(index, holding(), "2.0.0-beta.1")).isEqualTo("1.0.0");
    assertThat(PreviousRelease.of(index, holding(), "0.9.1")).as("stable skips the beta")
        .isEqualTo("1.0.0");
    assertThat(PreviousRelease.of(index, holding(), "1.0.0")).isNull();
  }
}
