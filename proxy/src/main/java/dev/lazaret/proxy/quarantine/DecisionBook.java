package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.policy.Decisions;
import dev.lazaret.storage.Record;
import dev.lazaret.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Analyst decisions: stored with their audit entry in one atomic write, kept in memory by package
 * (there are few), and announced so that the package's verdict is redone at once.
 */
public final class DecisionBook {

  /** The record space decisions are kept in. */
  public static final String SPACE = "decisions";

  private final Storage storage;
  private final Map<String, List<AnalystDecision>> byPackage = new ConcurrentHashMap<>();
  private volatile Consumer<String> onChange = name -> { };
  private final List<Consumer<AnalystDecision>> decisionListeners = new CopyOnWriteArrayList<>();

  private DecisionBook(Storage storage) {
    this.storage = storage;
  }

  /** Loads every stored decision. */
  public static DecisionBook load(Storage storage) {
    DecisionBook book = new DecisionBook(storage);
    String after = null;
    while (true) {
      List<Record> page = storage.records(SPACE).scan("", after, 1_000);
      for (Record r : page) {
        AnalystDecision d = StoredJson.read(r.value(), AnalystDecision.class, "decision");
        book.remember(d);
      }
      if (page.size() < 1_000) {
        return book;
      }
      after = page.getLast().key();
    }
  }

  /** Called with a package name whenever a decision about it is made. */
  public void onChange(Consumer<String> listener) {
    this.onChange = listener;
  }

  /**
   * Calls {@code listener} after every decision has been stored with its audit entry: for
   * notifications.
   */
  public void onDecision(Consumer<AnalystDecision> listener) {
    decisionListeners.add(listener);
  }

  /** The decisions about {@code packageName}. */
  public Decisions forPackage(String packageName) {
    List<AnalystDecision> list = byPackage.get(packageName);
    return list == null ? Decisions.none() : Decisions.of(list);
  }

  /**
   * Stores {@code decision} (replacing an earlier one for the same version) together with its
   * audit entry, then makes it effective.
   */
  public void decide(AnalystDecision decision) {
    AuditEvent event = new AuditEvent(decision.decidedAt(), decision.analyst(),
        decision.approved() ? "approve" : "reject",
        decision.packageName() + "@" + decision.version(), decision.note(), Map.of());
    storage.writeAtomically(batch -> batch
        .put(SPACE, HoldRecord.key(decision.packageName(), decision.version()),
            StoredJson.write(decision))
        .appendAudit(decision.decidedAt(), event.encode()));
    remember(decision);
    onChange.accept(decision.packageName());
    decisionListeners.forEach(l -> l.accept(decision));
  }

  private void remember(AnalystDecision d) {
    byPackage.compute(d.packageName(), (k, list) -> {
      List<AnalystDecision> updated = new ArrayList<>();
      if (list != null) {
        list.stream().filter(x -> !x.version().equals(d.version())).forEach(updated::add);
      }
      updated.add(d);
      return List.copyOf(updated);
    });
  }
}
