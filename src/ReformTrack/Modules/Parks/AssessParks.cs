using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Chiefs;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Parks;

internal sealed record RoundInput(int? StandardId, string? Title, DateOnly? AssessedOn, IReadOnlyList<int>? ParkIds);

internal sealed record AssessorScoreInput(decimal? Points, string? Note);

internal sealed record AssessmentEvidenceView(int Id, string FileName, string ContentType, long Length, DateTime UploadedAt,
    string UploadedBy);

/// <summary>
/// Standardisation assessment rounds: opened over parks with a published standard, assessor criteria
/// entered park by park (with evidence), and finalised: scores kept, round locked, and a rectification
/// item raised on the park's chief for every criterion below the standard's threshold.
/// </summary>
internal sealed class AssessParks(IDbContextFactory<ReformDbContext> factory, ScopedDb scopedDb, TimeProvider clock,
    ChiefLookup chiefs)
{
    public async Task<int> CreateAsync(RoundInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await scopedDb.CreateDbContextAsync(cancellationToken);
        var standard = input.StandardId is { } sid
            ? await db.Standards.Include(s => s.Criteria).FirstOrDefaultAsync(s => s.Id == sid, cancellationToken)
            : null;
        var round = AssessmentRound.New(standard, input.Title, input.AssessedOn, input.ParkIds);
        var parkIds = round.Parks.Select(p => p.ParkId).ToList();
        var visible = await db.Parks.Where(p => parkIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        if (parkIds.Except(visible).FirstOrDefault() is var missing and > 0)
        {
            throw References.Missing("Park", missing, "parkIds");
        }

        db.AssessmentRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return round.Id;
    }

    /// <summary>Enters (or replaces) an assessor's points for a park; the park must be in the caller's scope.</summary>
    public async Task<int> EnterAsync(int roundId, int parkId, string? criterionKey, AssessorScoreInput input, string by,
        CancellationToken cancellationToken = default)
    {
        await using var db = await scopedDb.CreateDbContextAsync(cancellationToken);
        if (!await db.Parks.AnyAsync(p => p.Id == parkId, cancellationToken))
        {
            throw new NotFound("Park", parkId);
        }

        var round = await db.AssessmentRounds.Include(r => r.Parks).Include(r => r.AssessorScores.Where(s => s.ParkId == parkId))
                        .FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken)
                    ?? throw new NotFound("AssessmentRound", roundId);
        var standard = await ManageStandards.LoadAsync(db, round.StandardId, cancellationToken);
        var score = round.Enter(standard, parkId, criterionKey, input.Points, input.Note, clock.UtcNow(), by);
        await db.SaveChangesAsync(cancellationToken);
        return score.Id;
    }

    /// <summary>Stores an evidence file behind an assessor's score, checked as an inspection's evidence is.</summary>
    public async Task<AssessmentEvidenceView> AddEvidenceAsync(int assessorScoreId, string? fileName, string? contentType, byte[] content,
        string by, string field, CancellationToken cancellationToken = default)
    {
        await using var db = await scopedDb.CreateDbContextAsync(cancellationToken);
        var score = await db.AssessorScores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == assessorScoreId, cancellationToken)
                    ?? throw new NotFound("AssessorScore", assessorScoreId);
        var round = await db.AssessmentRounds.AsNoTracking().FirstAsync(r => r.Id == score.RoundId, cancellationToken);
        round.EnsureOpen();
        var file = EvidenceFile.Accept(0, fileName, contentType, content, clock.UtcNow(), by, field);
        var evidence = new AssessmentEvidence
        {
            AssessorScoreId = assessorScoreId,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Length = file.Length,
            Content = file.Content,
            UploadedAt = file.UploadedAt,
            UploadedBy = file.UploadedBy,
        };
        db.AssessmentEvidence.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        return new AssessmentEvidenceView(evidence.Id, evidence.FileName, evidence.ContentType, evidence.Length, evidence.UploadedAt,
            evidence.UploadedBy);
    }

    public async Task<EvidenceContent> GetEvidenceAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await scopedDb.CreateDbContextAsync(cancellationToken);
        return await db.AssessmentEvidence.AsNoTracking().Where(f => f.Id == id)
                   .Select(f => new EvidenceContent(f.FileName, f.ContentType, f.Content)).FirstOrDefaultAsync(cancellationToken)
               ?? throw new NotFound("AssessmentEvidence", id);
    }

    /// <summary>
    /// Scores every park of the round with the shared engine, keeps the results, locks the round and raises
    /// the rectification items, all in one transaction.
    /// </summary>
    public async Task FinaliseAsync(int roundId, int? expectedVersion, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var round = await db.AssessmentRounds.Include(r => r.Parks).Include(r => r.AssessorScores).Include(r => r.Values)
                        .FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken)
                    ?? throw new NotFound("AssessmentRound", roundId);
        StaleVersion.Check("AssessmentRound", roundId, expectedVersion, round.Version);
        round.EnsureOpen();
        var standard = await ManageStandards.LoadAsync(db, round.StandardId, cancellationToken);
        var parkIds = round.Parks.Select(p => p.ParkId).ToList();
        var names = await db.Parks.Where(p => parkIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var scored = await AssessmentFigures.ScoreAsync(db, round, standard, names, cancellationToken);
        var today = clock.Today();
        var low = round.Finalise(standard, scored, clock.UtcNow(), by);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await RaiseRectificationsAsync(db, chiefs, round, standard, low, today, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Raises one rectification item (a chief issue on the park) per low criterion, due after the standard's period.</summary>
    public static async Task RaiseRectificationsAsync(ReformDbContext db, ChiefLookup chiefs, AssessmentRound round, Standard standard,
        IReadOnlyList<(int ParkId, StandardCriterion Criterion, decimal Points)> low, DateOnly on, CancellationToken cancellationToken)
    {
        if (low.Count == 0)
        {
            return;
        }

        var items = low.Select(l => (l.ParkId, Description: string.Create(CultureInfo.InvariantCulture,
            $"{round.Title} · {l.Criterion.Name}: {l.Points:0.##}/{l.Criterion.Weight:0.##}"))).ToList();
        var issueIds = await chiefs.RaiseAsync(db, ChiefObjectKind.Park, items, on, on.AddDays(standard.RectifyWithinDays), "parkIds",
            cancellationToken);
        db.ParkRectifications.AddRange(low.Select((l, n) => new ParkRectification
        {
            RoundId = round.Id,
            ParkId = l.ParkId,
            CriterionKey = l.Criterion.Key,
            ChiefIssueId = issueIds[n],
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
