using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

/// <summary>One adoption as the timeline shows it: when, who, at which level, copied from whom.</summary>
internal sealed record Adoption(int Id, DateOnly AdoptedOn, int? AdopterUnitId, string Adopter, ReplicationLevel Level,
    int? SourceReplicationId, string Source, string? Evidence);

/// <summary>A node of the copy tree: the origin at the root (no replication id), each adopter under whom it copied.</summary>
internal sealed record CopyNode(int? ReplicationId, string Adopter, ReplicationLevel? Level, DateOnly On,
    IReadOnlyList<CopyNode> Copies);

internal sealed record LevelCount(ReplicationLevel Level, int Count);

internal sealed record InnovationDetail(
    int Id,
    string Title,
    int OriginUnitId,
    string OriginName,
    DateOnly FirstIntroducedOn,
    string? Description,
    string? Evidence,
    IReadOnlyList<LinkedMeasure> Measures,
    IReadOnlyList<LevelCount> ReplicationsByLevel,
    IReadOnlyList<Adoption> Timeline,
    CopyNode CopyTree,
    int Version);

/// <summary>One innovation in the user's scope, with its adoption timeline and its copy tree.</summary>
internal sealed class GetInnovation(ScopedDb scopedDb)
{
    public async Task<InnovationDetail> RunAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await scopedDb.CreateDbContextAsync(cancellationToken);
        var innovation = await db.Innovations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
                         ?? throw new NotFound("Innovation", id);
        var origin = await db.Units.Where(u => u.Id == innovation.OriginUnitId).Select(u => u.Name).FirstAsync(cancellationToken);
        var replications = await db.Replications.AsNoTracking().Where(r => r.InnovationId == id)
            .Select(r => new
            {
                r.Id, r.AdoptedOn, r.AdopterUnitId, r.AdopterPlace, r.Level, r.SourceReplicationId, r.Evidence,
                Unit = db.Units.Where(u => u.Id == r.AdopterUnitId).Select(u => u.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var names = replications.ToDictionary(r => r.Id, r => r.Unit ?? r.AdopterPlace ?? "");
        var timeline = replications
            .OrderBy(r => r.AdoptedOn).ThenBy(r => r.Id)
            .Select(r => new Adoption(r.Id, r.AdoptedOn, r.AdopterUnitId, names[r.Id], r.Level, r.SourceReplicationId,
                r.SourceReplicationId is { } s ? names[s] : origin, r.Evidence))
            .ToList();

        var copies = timeline.ToLookup(a => a.SourceReplicationId);
        CopyNode Node(Adoption a) => new(a.Id, a.Adopter, a.Level, a.AdoptedOn, copies[a.Id].Select(Node).ToList());
        var tree = new CopyNode(null, origin, null, innovation.FirstIntroducedOn, copies[null].Select(Node).ToList());

        var byLevel = Enum.GetValues<ReplicationLevel>()
            .Select(level => new LevelCount(level, timeline.Count(a => a.Level == level)))
            .ToList();
        var measures = await DiffusionScope.LinkedMeasuresAsync(db,
            db.InnovationMeasures.Where(m => m.InnovationId == id).Select(m => m.MeasureId), cancellationToken);

        return new InnovationDetail(innovation.Id, innovation.Title, innovation.OriginUnitId, origin, innovation.FirstIntroducedOn,
            innovation.Description, innovation.Evidence, measures, byLevel, timeline, tree, innovation.Version);
    }
}
