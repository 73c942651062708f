using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chronicle;

internal sealed record ChronicleLinkInput(string? Kind, int? Id);

internal sealed record ChronicleEventInput(
    DateOnly? Date,
    DatePrecision? Precision,
    string? Title,
    ChronicleCategory? Category,
    string? Description,
    int? UnitId,
    bool? Published,
    IReadOnlyList<ChronicleLinkInput>? Links);

/// <summary>
/// Reads and edits chronicle events within the user's scope. An edit of a derived event sticks
/// (deriving only adds new keys); deleting a derived event leaves a suppressed tombstone, so it
/// does not come back, while an event recorded by hand is removed.
/// </summary>
internal sealed class EditChronicle(ScopedDb dbFactory, UserScope scope)
{
    public async Task<ChronicleView> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.ChronicleEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
                    ?? throw new NotFound("ChronicleEvent", id);
        return (await ListChronicle.ViewsAsync(db, [entry], cancellationToken))[0];
    }

    public async Task<ChronicleView> CreateAsync(ChronicleEventInput input, CancellationToken cancellationToken = default)
    {
        int id;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await CheckMayWriteAsync(db, input.UnitId, cancellationToken);
            await CheckLinksAsync(db, input, cancellationToken);
            var entry = ChronicleEvent.Record(input.Date, input.Precision, input.Title, input.Category, input.Description,
                input.UnitId, input.Published ?? false, Links(input));
            db.ChronicleEvents.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            id = entry.Id;
        }

        return await GetAsync(id, cancellationToken);
    }

    public async Task<ChronicleView> UpdateAsync(int id, int ifMatch, ChronicleEventInput input, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var entry = await db.ChronicleEvents.Include(e => e.Links).FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
                        ?? throw new NotFound("ChronicleEvent", id);
            StaleVersion.Check("ChronicleEvent", id, ifMatch, entry.Version);
            await CheckMayWriteAsync(db, entry.UnitId, cancellationToken);
            await CheckMayWriteAsync(db, input.UnitId, cancellationToken);
            await CheckLinksAsync(db, input, cancellationToken);
            entry.Describe(input.Date, input.Precision, input.Title, input.Category, input.Description, input.UnitId,
                input.Published ?? entry.Published, Links(input));
            await db.SaveChangesAsync(cancellationToken);
        }

        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Shows or hides the event on the public portal.</summary>
    public async Task<ChronicleView> PublishAsync(int id, bool published, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var entry = await db.ChronicleEvents.FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
                        ?? throw new NotFound("ChronicleEvent", id);
            await CheckMayWriteAsync(db, entry.UnitId, cancellationToken);
            entry.Publish(published);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await GetAsync(id, cancellationToken);
    }

    public async Task DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.ChronicleEvents.FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
                    ?? throw new NotFound("ChronicleEvent", id);
        await CheckMayWriteAsync(db, entry.UnitId, cancellationToken);
        if (entry.Derived)
        {
            entry.Suppress();
        }
        else
        {
            db.ChronicleEvents.Remove(entry);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<(string? Kind, int? Id)> Links(ChronicleEventInput input) =>
        (input.Links ?? []).Select(l => (l.Kind, l.Id));

    /// <summary>
    /// A unit's event is written by users whose subtree holds the unit; a programme-wide event (no unit)
    /// only by users who see the whole programme, so a district office cannot change the city's chronicle.
    /// </summary>
    private async Task CheckMayWriteAsync(ReformDbContext db, int? unitId, CancellationToken cancellationToken)
    {
        var scopePath = await scope.PathAsync(cancellationToken);
        if (unitId is null)
        {
            if (scopePath is not null && await db.Units.AnyAsync(u => !u.Path.StartsWith(scopePath), cancellationToken))
            {
                throw new RuleViolation("ProgrammeWideEventIsWrittenForTheWholeProgramme",
                    "An event without a unit belongs to the whole programme; only an office that sees the whole programme may write it.",
                    "unitId");
            }

            return;
        }

        var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken)
                   ?? throw References.Missing("unit", unitId.Value, "unitId");
        if (scopePath is not null && !path.StartsWith(scopePath, StringComparison.Ordinal))
        {
            throw new RuleViolation("ChronicleEventIsWithinYourScope",
                "You may only record events of a unit in your own part of the organisation.", "unitId");
        }
    }

    /// <summary>Every link to a record this system keeps points to one that exists (and that the user may see).</summary>
    private static async Task CheckLinksAsync(ReformDbContext db, ChronicleEventInput input, CancellationToken cancellationToken)
    {
        foreach (var link in input.Links ?? [])
        {
            var kind = link.Kind?.Trim().ToLowerInvariant();
            if (link.Id is not { } target)
            {
                continue;
            }

            var exists = kind switch
            {
                "document" => await db.Documents.AnyAsync(d => d.Id == target, cancellationToken),
                "meeting" => await db.Meetings.AnyAsync(m => m.Id == target, cancellationToken),
                "measure" => await db.Measures.AnyAsync(m => m.Id == target, cancellationToken),
                "unit" => await db.Units.AnyAsync(u => u.Id == target, cancellationToken),
                _ => true,
            };
            if (!exists)
            {
                throw References.Missing(kind!, target, "links");
            }
        }
    }
}
