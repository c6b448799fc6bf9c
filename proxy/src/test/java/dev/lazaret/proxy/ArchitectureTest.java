package dev.lazaret.proxy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;

/**
 * The proxy's packages form layers without cycles, as docs/ARCHITECTURE.md draws them: each
 * package uses only packages below it, so any of them can be read, tested and changed with
 * only what is beneath it in mind.
 */
@AnalyzeClasses(packages = "dev.lazaret.proxy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The root package: {@code Lazaret} and {@code OpsServices}, which wire everything below. */
  private static final String WIRING = "dev.lazaret.proxy";

  /**
   * Bottom to top; a layer may use only layers below it. Neighbours that do not use each other
   * (quarantine and registry, say) are still ordered, so that the next dependency between them
   * can only go one way: the registry asks the quarantine, the quarantine may count in ops.
   */
  private static final List<String> LAYERS = List.of(
      "concurrent", "npm", "upstream", "config", "ops", "quarantine", "registry", "inspect",
      "notify", "server", "admin", "console", "wiring", "cli");

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("dev.lazaret.proxy.(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule layersOnlyUseLayersBelow = layers();

  @ArchTest
  static final ArchRule everyClassIsInALayer = classes()
      .should().resideInAnyPackage(LAYERS.stream().map(ArchitectureTest::packageOf)
          .toArray(String[]::new))
      .because("a new package must be given its place in LAYERS (and docs/ARCHITECTURE.md)");

  @ArchTest
  static final ArchRule onlyTheCommandLineUsesTheWiring = noClasses()
      .that().resideOutsideOfPackages(WIRING, "dev.lazaret.proxy.cli..")
      .should().dependOnClassesThat().resideInAPackage(WIRING)
      .because("the root package wires everything; anything it wires must not reach back up");

  private static ArchRule layers() {
    LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String layer : LAYERS) {
      rule = rule.layer(layer).definedBy(packageOf(layer));
    }
    for (int i = 0; i < LAYERS.size() - 1; i++) {
      rule = rule.whereLayer(LAYERS.get(i))
          .mayOnlyBeAccessedByLayers(LAYERS.subList(i + 1, LAYERS.size()).toArray(String[]::new));
    }
    return rule.whereLayer(LAYERS.getLast()).mayNotBeAccessedByAnyLayer();
  }

  private static String packageOf(String layer) {
    return layer.equals("wiring") ? WIRING : WIRING + "." + layer + "..";
  }
}
