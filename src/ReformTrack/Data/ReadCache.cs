using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ReformTrack.Data;

/// <summary>
/// The version of the data every read depends on: the id of the newest audit entry. Every committed
/// change to a domain entity appends audit entries in its own transaction, and appends are serialised
/// (an advisory lock on PostgreSQL held until commit; SQLite's single writer), so the ids grow in commit
/// order. A reader that sees id N sees every change up to N, and any later commit shows a larger id, on
/// this instance of the app as on any other sharing the database. Reading it costs one index lookup
/// and writes nothing (decision 0030).
/// </summary>
internal sealed class DataVersion(IDbContextFactory<ReformDbContext> factory, bool batched)
{
    private readonly Lock _gate = new();
    private bool _reading;
    private TaskCompletionSource<long>? _queued;

    /// <summary>
    /// The version as of a read that started after this call: every change committed before the call
    /// is counted in it. When <c>batched</c> (PostgreSQL, a round trip to another process), concurrent
    /// callers share reads: while one read runs, later callers wait together for the next read, which
    /// starts as soon as the running one ends, so the database answers one version query per batch of
    /// requests. On SQLite the read is an in-process index lookup and each caller makes its own.
    /// </summary>
    public Task<long> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (!batched)
        {
            return QueryAsync();
        }

        TaskCompletionSource<long> batch;
        lock (_gate)
        {
            if (_queued is not null)
            {
                return _queued.Task.WaitAsync(cancellationToken);
            }

            batch = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_reading)
            {
                // A read that started before this call may miss a change committed just before it: wait for the next.
                _queued = batch;
                return batch.Task.WaitAsync(cancellationToken);
            }

            _reading = true;
        }

        // On a worker of its own: SQLite reads synchronously, and the caller must not run later batches' reads.
        _ = Task.Run(() => ReadBatchesAsync(batch), CancellationToken.None);
        return batch.Task.WaitAsync(cancellationToken);
    }

    private async Task ReadBatchesAsync(TaskCompletionSource<long> batch)
    {
        while (true)
        {
            try
            {
                batch.SetResult(await QueryAsync());
            }
            catch (Exception failure)
            {
                batch.SetException(failure);
            }

            lock (_gate)
            {
                if (_queued is null)
                {
                    _reading = false;
                    return;
                }

                batch = _queued;
                _queued = null;
            }

            // Let waiting requests run between reads.
            await Task.Yield();
        }
    }

    private async Task<long> QueryAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        // The pooled connection is opened directly, without the context's per-open pragmas: a plain read needs none.
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT max("Id") FROM "AuditEntries" """;
            var value = await command.ExecuteScalarAsync();
            return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}

/// <summary>
/// Remembers the answers of expensive reads (a ledger page, the dashboard) for as long as the data
/// they were counted from has not changed. The caller's key must hold everything the answer depends
/// on besides the data: the normalised query, the user's scope and today's date. Each request reads
/// the <see cref="DataVersion"/> first and is answered from memory only when the remembered answer was
/// computed at that same version; otherwise the answer is computed again. Requests that miss at the
/// same time for the same key share one computation. Turned off with <c>ReadCache:Enabled=false</c>;
/// at most <c>ReadCache:Entries</c> answers (default 2,000) are kept.
/// </summary>
internal sealed class ReadCache : IDisposable
{
    private readonly DataVersion _version;
    private readonly bool _enabled;
    private readonly MemoryCache _entries;
    private readonly Lock _gate = new();

    public ReadCache(DataVersion version, bool enabled, int entries)
    {
        _version = version;
        _enabled = enabled;
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, entries) });
    }

    /// <summary>The cache as configured (<c>ReadCache:Enabled</c>, <c>ReadCache:Entries</c>).</summary>
    public static ReadCache From(DataVersion version, IConfiguration configuration) =>
        new(version, configuration.GetValue("ReadCache:Enabled", true), configuration.GetValue("ReadCache:Entries", 2_000));

    private static readonly MemoryCacheEntryOptions EntryOptions = new()
    {
        Size = 1,
        // Yesterday's keys are never asked for again; let them go.
        SlidingExpiration = TimeSpan.FromMinutes(30),
    };

    /// <summary>
    /// The answer for <paramref name="key"/> at the data's current version: remembered, or computed by
    /// <paramref name="compute"/>. The computation is shared by concurrent callers, so it must not depend
    /// on the caller's cancellation; each caller stops waiting when its own token is cancelled.
    /// </summary>
    public async Task<T> GetOrComputeAsync<T>(object key, Func<Task<T>> compute, CancellationToken cancellationToken = default)
    {
        if (!_enabled)
        {
            return await compute();
        }

        // The version is read before the data: a change committed in between makes the answer newer
        // than its version says, which only costs a recomputation on the next read, never a stale answer.
        var version = await _version.ReadAsync(cancellationToken);
        Entry<T> entry;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var found) && found is Entry<T> known && known.Version >= version)
            {
                if (known.Version == version)
                {
                    entry = known;
                }
                else
                {
                    // Another request already read a newer version; this one computes for itself.
                    entry = new Entry<T>(version, new Lazy<Task<T>>(compute));
                }
            }
            else
            {
                entry = new Entry<T>(version, new Lazy<Task<T>>(compute));
                _entries.Set(key, entry, EntryOptions);
            }
        }

        try
        {
            return await entry.Answer.Value.WaitAsync(cancellationToken);
        }
        catch when (entry.Answer.Value.IsFaulted || entry.Answer.Value.IsCanceled)
        {
            // Failures (an unknown unit, a lost connection) are never remembered.
            lock (_gate)
            {
                if (_entries.TryGetValue(key, out var found) && ReferenceEquals(found, entry))
                {
                    _entries.Remove(key);
                }
            }

            throw;
        }
    }

    public void Dispose() => _entries.Dispose();

    private sealed record Entry<T>(long Version, Lazy<Task<T>> Answer);
}
