package dev.lazaret.storage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** RocksDB stays behind the storage interfaces: only one package may touch it (tests included). */
@AnalyzeClasses(packages = "dev.lazaret.storage")
class NativeIsolationTest {

  @ArchTest
  static final ArchRule onlyTheRocksPackageUsesRocksDb = noClasses()
      .that().resideOutsideOfPackage("dev.lazaret.storage.rocks")
      .should().dependOnClassesThat().resideInAPackage("org.rocksdb..")
      .because("native handles and RocksDBException must not leak past dev.lazaret.storage.rocks");
}
