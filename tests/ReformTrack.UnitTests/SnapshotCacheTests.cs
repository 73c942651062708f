using Microsoft.Extensions.Time.Testing;
using ReformTrack.Shared;

namespace ReformTrack.UnitTests;

/// <summary>The portal's kept picture: one load at a time, served while fresh, never served after it was dropped.</summary>
public sealed class SnapshotCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A load that waits until the test lets it finish with the given value; counts how often it started.</summary>
    private sealed class Loads
    {
        private readonly Queue<TaskCompletionSource<string>> _pending = new();
        private readonly SemaphoreSlim _started = new(0);

        public int Started { get; private set; }

        public Task<string> LoadAsync(CancellationToken cancellationToken)
        {
            var load = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_pending)
            {
                _pending.Enqueue(load);
                Started++;
            }

            _started.Release();
            return load.Task;
        }

        /// <summary>The next load to start, in the order they started; waits for it to start.</summary>
        public async Task<TaskCompletionSource<string>> NextStartedAsync()
        {
            Assert.True(await _started.WaitAsync(TimeSpan.FromSeconds(10)), "no load started");
            lock (_pending)
            {
                return _pending.Dequeue();
            }
        }

        public async Task FinishNextAsync(string value) => (await NextStartedAsync()).SetResult(value);
    }

    [Fact]
    public async Task Callers_arriving_before_the_first_value_share_one_load()
    {
        var loads = new Loads();
        var cache = new SnapshotCache<string>(loads.LoadAsync, _clock, TimeSpan.FromSeconds(30));

        var first = cache.GetAsync();
        var second = cache.GetAsync();
        await loads.FinishNextAsync("v1");

        Assert.Equal("v1", await first);
        Assert.Equal("v1", await second);
        Assert.Equal(1, loads.Started);
        Assert.True(cache.IsReady);
    }

    [Fact]
    public async Task An_old_value_is_served_at_once_while_a_fresh_one_loads()
    {
        var loads = new Loads();
        var cache = new SnapshotCache<string>(loads.LoadAsync, _clock, TimeSpan.FromSeconds(30));
        var warm = cache.LoadNowAsync();
        await loads.FinishNextAsync("v1");
        await warm;

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("v1", await cache.GetAsync());
        Assert.Equal("v1", await cache.GetAsync());
        await loads.FinishNextAsync("v2");

        await WaitUntilAsync(async () => await cache.GetAsync() == "v2");
        Assert.Equal(2, loads.Started);
    }

    [Fact]
    public async Task A_load_running_when_the_value_is_forgotten_is_never_served()
    {
        var loads = new Loads();
        var cache = new SnapshotCache<string>(loads.LoadAsync, _clock, TimeSpan.FromSeconds(30));
        var before = cache.GetAsync();
        var first = await loads.NextStartedAsync();

        // The office unpublishes something while the old picture is still being counted.
        cache.Forget();
        var after = cache.GetAsync();
        var second = await loads.NextStartedAsync();
        first.SetResult("counted before");
        second.SetResult("counted after");

        Assert.Equal("counted before", await before);
        Assert.Equal("counted after", await after);
        Assert.Equal("counted after", await cache.GetAsync());
    }

    [Fact]
    public async Task A_failed_load_fails_its_callers_and_the_next_caller_loads_again()
    {
        var attempts = 0;
        var cache = new SnapshotCache<string>(_ => ++attempts == 1 ? throw new InvalidOperationException("database away") : Task.FromResult("v2"),
            _clock, TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync());
        Assert.Equal("v2", await cache.GetAsync());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(await condition());
    }
}
