using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Modules.Parks;

internal sealed record StandardInput(string? Code, string? Title, decimal ExcellentFrom, decimal GoodFrom, decimal PassFrom,
    decimal RectifyBelow, int RectifyWithinDays, IReadOnlyList<StandardCriterionInput>? Criteria)
{
    public GradeBands Bands => new(ExcellentFrom, GoodFrom, PassFrom);
}

internal sealed record StandardCriterionView(string Key, string Name, decimal Weight, StandardRule Rule, decimal? Target);

internal sealed record StandardRow(int Id, string Code, int Revision, string Title, StandardStatus Status, DateTime? PublishedAt,
    int CriteriaCount, decimal TotalWeight);

internal sealed record StandardDetail(int Id, string Code, int Revision, string Title, StandardStatus Status,
    decimal ExcellentFrom, decimal GoodFrom, decimal PassFrom, decimal RectifyBelow, int RectifyWithinDays,
    IReadOnlyList<StandardCriterionView> Criteria, decimal TotalWeight, DateTime? PublishedAt, string? PublishedBy, int Version);

/// <summary>
/// Park standards: listed, read, created as drafts, edited (a published revision is never changed:
/// editing it makes, or updates, the next draft revision) and published.
/// </summary>
internal sealed class ManageStandards(IDbContextFactory<ReformDbContext> factory, TimeProvider clock)
{
    public async Task<IReadOnlyList<StandardRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var standards = await db.Standards.AsNoTracking().Include(s => s.Criteria).ToListAsync(cancellationToken);
        return standards.OrderBy(s => s.Code, StringComparer.Ordinal).ThenByDescending(s => s.Revision)
            .Select(s => new StandardRow(s.Id, s.Code, s.Revision, s.Title, s.Status, s.PublishedAt, s.Criteria.Count,
                s.Criteria.Sum(c => c.Weight)))
            .ToList();
    }

    public async Task<StandardDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return ToDetail(await LoadAsync(db, id, cancellationToken));
    }

    public async Task<StandardDetail> CreateAsync(StandardInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var code = Fields.Required(input.Code, Standard.CodeMaxLength, "code");
        if (await db.Standards.AnyAsync(s => s.Code == code, cancellationToken))
        {
            throw new RuleViolation("StandardCodeIsUnique", "A standard with this code exists; edit it to make a new revision.", "code");
        }

        var standard = Standard.New(code, input.Title, input.Bands, input.RectifyBelow, input.RectifyWithinDays, input.Criteria ?? []);
        standard.CreatedAt = clock.UtcNow();
        db.Standards.Add(standard);
        await db.SaveChangesAsync(cancellationToken);
        return ToDetail(standard);
    }

    /// <summary>
    /// Edits a draft in place; for a published revision, edits the draft that follows it (made now if
    /// there is none). Returns the draft that was edited.
    /// </summary>
    public async Task<StandardDetail> EditAsync(int id, int expectedVersion, StandardInput input,
        CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var standard = await LoadAsync(db, id, cancellationToken);
        StaleVersion.Check("Standard", id, expectedVersion, standard.Version);
        if (standard.Status == StandardStatus.Published)
        {
            var latest = await db.Standards.Include(s => s.Criteria)
                .Where(s => s.Code == standard.Code).OrderByDescending(s => s.Revision).FirstAsync(cancellationToken);
            if (latest.Status == StandardStatus.Draft)
            {
                standard = latest;
            }
            else
            {
                standard = latest.NextDraft(latest.Revision + 1, clock.UtcNow());
                db.Standards.Add(standard);
            }
        }

        standard.Define(input.Title, input.Bands, input.RectifyBelow, input.RectifyWithinDays, input.Criteria ?? []);
        await db.SaveChangesAsync(cancellationToken);
        return ToDetail(standard);
    }

    public async Task<StandardDetail> PublishAsync(int id, int? expectedVersion, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var standard = await LoadAsync(db, id, cancellationToken);
        StaleVersion.Check("Standard", id, expectedVersion, standard.Version);
        standard.Publish(by, clock.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ToDetail(standard);
    }

    public static async Task<Standard> LoadAsync(ReformDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Standards.Include(s => s.Criteria).FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFound("Standard", id);

    public static StandardDetail ToDetail(Standard s) =>
        new(s.Id, s.Code, s.Revision, s.Title, s.Status, s.ExcellentFrom, s.GoodFrom, s.PassFrom, s.RectifyBelow,
            s.RectifyWithinDays,
            s.Criteria.OrderBy(c => c.SortOrder).Select(c => new StandardCriterionView(c.Key, c.Name, c.Weight, c.Rule, c.Target)).ToList(),
            s.Criteria.Sum(c => c.Weight), s.PublishedAt, s.PublishedBy, s.Version);
}
