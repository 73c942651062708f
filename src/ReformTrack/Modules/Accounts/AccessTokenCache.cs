using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ReformTrack.Modules.Accounts;

/// <summary>
/// Remembers, for a few seconds, which user a valid access token belongs to, so that an API client
/// does not cost a database round trip per request. Any saved change to a user (role, unit, lockout,
/// security stamp) or to one of their tokens forgets that user's entries at once in this process;
/// another instance of the app notices within <c>Accounts:TokenCacheSeconds</c> (default 30, 0 turns
/// the cache off). Token expiry is checked on every request against the remembered expiry.
/// </summary>
internal sealed class AccessTokenCache(TimeProvider clock, IConfiguration configuration) : SaveChangesInterceptor
{
    private const int MaxEntries = 10_000;

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Accounts:TokenCacheSeconds", 30)));
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbContext, HashSet<int>> _pending = [];

    public bool TryGet(string hash, out AccessToken token, out User user)
    {
        if (_entries.TryGetValue(hash, out var entry) && entry.Until > clock.GetUtcNow())
        {
            (token, user) = (entry.Token, entry.User);
            return true;
        }

        (token, user) = (null!, null!);
        return false;
    }

    public void Remember(string hash, AccessToken token, User user)
    {
        if (_lifetime <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[hash] = new Entry(token, user, clock.GetUtcNow() + _lifetime);
    }

    public void Forget(IReadOnlyCollection<int> userIds)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (userIds.Contains(entry.User.Id))
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && !_entries.IsEmpty && ChangedUsers(context) is { Count: > 0 } changed)
        {
            Forget(changed);
            _pending.AddOrUpdate(context, changed);
        }

        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        // Again once written, so that a request which read the old row meanwhile is not believed for long.
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var changed))
        {
            _pending.Remove(context);
            Forget(changed);
        }

        return ValueTask.FromResult(result);
    }

    private static HashSet<int> ChangedUsers(DbContext context)
    {
        var changed = new HashSet<int>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                switch (entry.Entity)
                {
                    case User user:
                        changed.Add(user.Id);
                        break;
                    case AccessToken token:
                        changed.Add(token.UserId);
                        break;
                }
            }
        }

        return changed;
    }

    private sealed record Entry(AccessToken Token, User User, DateTimeOffset Until);
}
