namespace ReformTrack.Shared;

/// <summary>
/// A value worked out by one slow read, kept in memory and served to everyone. Once it is older
/// than <c>maxAge</c> the next caller still gets it at once while a fresh one is worked out in the
/// background. Only one load per generation runs at a time: callers that arrive while there is no
/// value yet wait for the load in flight instead of starting their own.
/// <see cref="Forget"/> starts a new generation: no value loaded before it is served afterwards, not
/// even by a load that was already running (it finishes, but its result is dropped).
/// </summary>
internal sealed class SnapshotCache<T>(Func<CancellationToken, Task<T>> load, TimeProvider clock, TimeSpan maxAge)
    where T : class
{
    private readonly Lock _gate = new();
    private long _generation;
    private long _loads;
    private Kept? _current;
    private Loading? _loading;

    private sealed record Kept(T Value, long LoadedAt);

    private sealed record Loading(long Id, long Generation, Task<Kept> Task);

    /// <summary>Whether a value is in memory now.</summary>
    public bool IsReady => Volatile.Read(ref _current) is not null;

    /// <summary>The kept value; the first caller after a start or a <see cref="Forget"/> waits for the load in flight.</summary>
    public Task<T> GetAsync(CancellationToken cancellationToken = default)
    {
        Task<Kept> pending;
        lock (_gate)
        {
            if (_current is { } current)
            {
                if (clock.GetElapsedTime(current.LoadedAt) >= maxAge)
                {
                    StartLoad();
                }

                return Task.FromResult(current.Value);
            }

            pending = StartLoad();
        }

        return WaitAsync(pending, cancellationToken);
    }

    /// <summary>Starts a load unless one is already running (at start, so the first visitor finds the value ready).</summary>
    public Task LoadNowAsync()
    {
        lock (_gate)
        {
            return StartLoad();
        }
    }

    /// <summary>Drops the value: the next caller waits for a load that starts after this call.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _generation++;
            _current = null;
        }
    }

    private static async Task<T> WaitAsync(Task<Kept> pending, CancellationToken cancellationToken) =>
        (await pending.WaitAsync(cancellationToken)).Value;

    /// <summary>The load of the current generation, started if none runs. Called under the gate.</summary>
    private Task<Kept> StartLoad()
    {
        if (_loading is { } running && running.Generation == _generation)
        {
            return running.Task;
        }

        var id = ++_loads;
        var generation = _generation;
        var task = Task.Run(() => LoadAsync(id, generation));
        _loading = new Loading(id, generation, task);
        return task;
    }

    private async Task<Kept> LoadAsync(long id, long generation)
    {
        try
        {
            var value = await load(CancellationToken.None);
            var kept = new Kept(value, clock.GetTimestamp());
            lock (_gate)
            {
                if (generation == _generation)
                {
                    _current = kept;
                }
            }

            return kept;
        }
        finally
        {
            lock (_gate)
            {
                if (_loading?.Id == id)
                {
                    _loading = null;
                }
            }
        }
    }
}
