using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Admin.Infrastructure.Persistence.Interceptors;

/// <summary>
/// What an interceptor notes during a save is acted on once it is committed: after the save itself, or,
/// inside an explicit transaction, after its commit; and forgotten when the save fails outside a
/// transaction or the transaction is rolled back. The one rule behind the outbox's wake-up
/// (<see cref="DomainEventsInterceptor"/>) and the gateway's cache evictions (Gateway/GatewayChangesInterceptor).
/// </summary>
public abstract class AfterCommitInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>What was noted is now committed.</summary>
    protected abstract void Committed();

    /// <summary>What was noted will never be committed.</summary>
    protected abstract void Discarded();

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (!InTransaction(eventData.Context)) Committed();
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (!InTransaction(eventData.Context)) Committed();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (!InTransaction(eventData.Context)) Discarded();
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed();

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Committed();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Discarded();

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Discarded();
        return Task.CompletedTask;
    }

    private static bool InTransaction(DbContext? db) => db?.Database.CurrentTransaction is not null;
}
