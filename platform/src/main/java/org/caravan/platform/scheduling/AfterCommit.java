package org.caravan.platform.scheduling;

import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Something to do once the current transaction has committed, such as waking whoever acts on what it wrote:
 * before the commit they would not see it, and after a rollback there is nothing to see.
 */
public final class AfterCommit {

    private AfterCommit() {}

    /** Runs {@code action} after the commit, or at once when there is no transaction. */
    public static Mono<Void> run(Runnable action) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isSynchronizationActive)
                .map(manager -> {
                    manager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return Mono.fromRunnable(action);
                        }
                    });
                    return true;
                })
                .onErrorResume(NoTransactionException.class, none -> Mono.empty())
                .switchIfEmpty(Mono.fromRunnable(action))
                .then();
    }
}
