package dev.lazaret.proxy.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.content.ContentFacts.AddedDependency;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.PackumentIndex;
import dev.lazaret.proxy.registry.JudgedPackage;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import dev.lazaret.proxy.testing.Packuments;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DependencyStandingsTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final URI BASE = URI.create("http://127.0.0.1:9/");

  private final PackageGenerator gen = PackageGenerator.seeded(3).at(NOW);
  private final Map<String, JudgedPackage> known = new LinkedHashMap<>();
  private final List<String> askedFor = new ArrayList<>();

  /** {@code pkg} with {@code verdicts} by version (allowed when not given). */
  private void judged(GeneratedPackage pkg, Map<String, Verdict> verdicts)
      throws JsonProcessingException {
    byte[] json = new ObjectMapper().writeValueAsBytes(Packuments.full(pkg, BASE));
    PackumentIndex index = PackumentIndex.parse(PackageName.parse(pkg.name()), json, BASE);
    Map<String, Verdict> all = new LinkedHashMap<>();
    index.versions().keySet().forEach(v -> all.put(v, verdicts.getOrDefault(v,
        Verdict.Allow.PLAIN)));
    known.put(pkg.name(), new JudgedPackage(index, json, new PackageVerdict(all,
        Optional.empty())));
  }

  private DependencyStandings standings(Duration timeout) {
    return new DependencyStandings(name -> {
      askedFor.add(name.toString());
      JudgedPackage j = known.get(name.toString());
      return j == null ? new CompletableFuture<>() : CompletableFuture.completedFuture(j);
    }, timeout);
  }

  private static Verdict.Hold hold(boolean risky) {
    return new Verdict.Hold(NOW.plus(Duration.ofDays(1)), List.of("held"), List.of(), risky);
  }

  @Test
  void aNewPackageWithARiskyVersionInRangeIsRiskyButNotHeldWhileAnotherIsInstallable()
      throws Exception {
    GeneratedPackage evil = gen.pkg("helper-evil").maintainer("mallory")
        .version("1.0.0", v -> v.publishedAgo(Duration.ofHours(5)))
        .version("1.0.1", v -> v.publishedAgo(Duration.ofHours(2)))
        .done();
    judged(evil, Map.of("1.0.1", hold(true)));

    Map<String, AddedDependency> found = standings(Duration.ofSeconds(5))
        .standings(Map.of("helper-evil", "^1.0.0"));

    AddedDependency dep = found.get("helper-evil");
    assertThat(dep.range()).isEqualTo("^1.0.0");
    assertThat(dep.created()).isEqualTo(evil.created());
    assertThat(dep.held()).as("1.0.0 is served").isFalse();
    assertThat(dep.risky()).isTrue();
  }

  @Test
  void onlyVersionsTheRangeAdmitsCount() throws Exception {
    GeneratedPackage lib = gen.pkg("steady").maintainer("alice")
        .version("1.0.0", v -> v.publishedAgo(Duration.ofDays(900)))
        .version("2.0.0", v -> v.publishedAgo(Duration.ofHours(2)))
        .done();
    judged(lib, Map.of("2.0.0", hold(false)));

    Map<String, AddedDependency> found = standings(Duration.ofSeconds(5))
        .standings(Map.of("steady", "~1.0.0", "next", "npm:steady@2", "tagged", "npm:steady"));

    assertThat(found.get("steady").held()).isFalse();
    assertThat(found.get("steady").risky()).isFalse();
    // An alias is looked up under the package it names; its only version in range is held by
    // the base cooldown (held, not risky).
    assertThat(found.get("next")).isEqualTo(new AddedDependency("next", "npm:steady@2",
        lib.created(), true, false));
    // No range: every version counts, and 1.0.0 can be installed, so it is not held.
    assertThat(found.get("tagged").held()).isFalse();
  }

  @Test
  void specsFromNoRegistryAndLookupsPastTheDeadlineAreLeftUnknown() throws Exception {
    GeneratedPackage lib = gen.pkg("present").maintainer("alice")
        .version("1.0.0", v -> v.publishedAgo(Duration.ofDays(900))).done();
    judged(lib, Map.of());

    Map<String, String> added = new LinkedHashMap<>();
    added.put("from-git", "git+ssh://git@127.0.0.1/x.git");
    added.put("from-github", "someone/repo");
    added.put("from-file", "file:../x");
    added.put("never-answers", "^1.0.0");
    added.put("present", "latest");
    Map<String, AddedDependency> found = standings(Duration.ofMillis(50)).standings(added);

    assertThat(askedFor).containsExactly("never-answers", "present");
    assertThat(found).containsOnlyKeys("present");
    assertThat(found.get("present").created()).isEqualTo(lib.created());
  }
}
