using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Modules.Appraisal;

internal sealed record SchemeInput(string? Code, string? Title, decimal ExcellentFrom, decimal GoodFrom, decimal PassFrom,
    IReadOnlyList<CriterionInput>? Criteria)
{
    public GradeBands Bands => new(ExcellentFrom, GoodFrom, PassFrom);
}

internal sealed record CriterionView(CriterionKind Kind, ScoreRule Rule, decimal Weight, decimal PointsPerItem, decimal? Cap,
    int? DeadlineDay);

internal sealed record SchemeRow(int Id, string Code, int Revision, string Title, SchemeStatus Status, DateTime? PublishedAt);

internal sealed record SchemeDetail(int Id, string Code, int Revision, string Title, SchemeStatus Status,
    decimal ExcellentFrom, decimal GoodFrom, decimal PassFrom, IReadOnlyList<CriterionView> Criteria, DateTime? PublishedAt,
    string? PublishedBy, decimal MaximumFromRates, int Version);

/// <summary>
/// Appraisal schemes: listed, read, created as drafts, edited (a published revision is never changed:
/// editing it makes, or updates, the next draft revision) and published.
/// </summary>
internal sealed class ManageSchemes(IDbContextFactory<ReformDbContext> factory, TimeProvider clock)
{
    public async Task<IReadOnlyList<SchemeRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.AppraisalSchemes.AsNoTracking()
            .OrderBy(s => s.Code).ThenByDescending(s => s.Revision)
            .Select(s => new SchemeRow(s.Id, s.Code, s.Revision, s.Title, s.Status, s.PublishedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<SchemeDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return ToDetail(await LoadAsync(db, id, cancellationToken));
    }

    public async Task<SchemeDetail> CreateAsync(SchemeInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var code = Fields.Required(input.Code, AppraisalScheme.CodeMaxLength, "code");
        if (await db.AppraisalSchemes.AnyAsync(s => s.Code == code, cancellationToken))
        {
            throw new RuleViolation("SchemeCodeIsUnique", "A scheme with this code exists; edit it to make a new revision.", "code");
        }

        var scheme = AppraisalScheme.New(code, input.Title, input.Bands, input.Criteria ?? []);
        scheme.CreatedAt = clock.UtcNow();
        db.AppraisalSchemes.Add(scheme);
        await db.SaveChangesAsync(cancellationToken);
        return ToDetail(scheme);
    }

    /// <summary>
    /// Edits a draft in place; for a published revision, edits the draft that follows it (made now
    /// if there is none). Returns the draft that was edited.
    /// </summary>
    public async Task<SchemeDetail> EditAsync(int id, int expectedVersion, SchemeInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scheme = await LoadAsync(db, id, cancellationToken);
        StaleVersion.Check("AppraisalScheme", id, expectedVersion, scheme.Version);
        if (scheme.Status == SchemeStatus.Published)
        {
            var latest = await db.AppraisalSchemes.Include(s => s.Criteria)
                .Where(s => s.Code == scheme.Code).OrderByDescending(s => s.Revision).FirstAsync(cancellationToken);
            if (latest.Status == SchemeStatus.Draft)
            {
                scheme = latest;
            }
            else
            {
                scheme = latest.NextDraft(latest.Revision + 1, clock.UtcNow());
                db.AppraisalSchemes.Add(scheme);
            }
        }

        scheme.Define(input.Title, input.Bands, input.Criteria ?? []);
        await db.SaveChangesAsync(cancellationToken);
        return ToDetail(scheme);
    }

    public async Task<SchemeDetail> PublishAsync(int id, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scheme = await LoadAsync(db, id, cancellationToken);
        scheme.Publish(by, clock.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ToDetail(scheme);
    }

    public static async Task<AppraisalScheme> LoadAsync(ReformDbContext db, int id, CancellationToken cancellationToken) =>
        await db.AppraisalSchemes.Include(s => s.Criteria).FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFound("AppraisalScheme", id);

    public static IReadOnlyList<CriterionView> Views(AppraisalScheme scheme) =>
        scheme.Criteria.OrderBy(c => c.SortOrder)
            .Select(c => new CriterionView(c.Kind, SchemeCriterion.RuleOf(c.Kind), c.Weight, c.PointsPerItem, c.Cap, c.DeadlineDay))
            .ToList();

    private static SchemeDetail ToDetail(AppraisalScheme s) =>
        new(s.Id, s.Code, s.Revision, s.Title, s.Status, s.ExcellentFrom, s.GoodFrom, s.PassFrom, Views(s), s.PublishedAt,
            s.PublishedBy, s.Criteria.Where(c => SchemeCriterion.RuleOf(c.Kind) == ScoreRule.Rate).Sum(c => c.Weight), s.Version);
}
