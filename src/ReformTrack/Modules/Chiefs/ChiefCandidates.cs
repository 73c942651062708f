using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

/// <summary>A person who may be named chief or deputy, as a form offers them.</summary>
public sealed record PersonChoice(int Id, string Name, string? Title, string UnitName);

/// <summary>Finds officials by name, title or unit for the chief forms, a few at a time.</summary>
internal sealed class ChiefCandidates(ScopedDb dbFactory)
{
    /// <summary>Officials whose name, title or unit contains <paramref name="text"/>, by name; <paramref name="except"/> is left out.</summary>
    public async Task<IReadOnlyList<PersonChoice>> SearchAsync(string? text, int max, int? except = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = db.People.AsNoTracking();
        if (except is { } left)
        {
            people = people.Where(p => p.Id != left);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            people = people.Where(p => p.Name.Contains(t) || (p.Title != null && p.Title.Contains(t))
                                       || db.Units.Any(u => u.Id == p.UnitId && u.Name.Contains(t)));
        }

        return await people.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(Math.Clamp(max, 1, PageRequest.MaxSize))
            .Select(p => new PersonChoice(p.Id, p.Name, p.Title, db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Name).First()))
            .ToListAsync(cancellationToken);
    }
}
