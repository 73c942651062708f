using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Diffusion;

/// <summary>
/// An adoption of an innovation. The adopter is a unit (<see cref="AdopterUnitId"/>) or a place
/// outside the programme (<see cref="AdopterPlace"/>); the source is another replication of the
/// same innovation, or none when copied from the origin.
/// </summary>
internal sealed record ReplicationInput(int? AdopterUnitId, string? AdopterPlace, ReplicationLevel? Level, DateOnly? AdoptedOn,
    int? SourceReplicationId, string? Evidence);

/// <summary>Records or revises a replication; the innovation's version moves on, so its ETag guards both.</summary>
internal sealed class RecordReplication(ScopedDb scopedDb, GetInnovation getInnovation)
{
    public async Task<InnovationDetail> AddAsync(int innovationId, ReplicationInput input,
        CancellationToken cancellationToken = default) =>
        await SaveAsync(innovationId, null, (innovation, adopter) =>
            innovation.Replicate(adopter, input.Level, input.AdoptedOn, input.SourceReplicationId, input.Evidence),
            input, cancellationToken);

    public async Task<InnovationDetail> ReviseAsync(int innovationId, int replicationId, int ifMatch, ReplicationInput input,
        CancellationToken cancellationToken = default) =>
        await SaveAsync(innovationId, ifMatch, (innovation, adopter) =>
            innovation.Revise(replicationId, adopter, input.Level, input.AdoptedOn, input.SourceReplicationId, input.Evidence),
            input, cancellationToken);

    private async Task<InnovationDetail> SaveAsync(int innovationId, int? ifMatch, Action<Innovation, Adopter> change,
        ReplicationInput input, CancellationToken cancellationToken)
    {
        await using (var db = await scopedDb.CreateDbContextAsync(cancellationToken))
        {
            var innovation = await db.Innovations.Include(i => i.Replications)
                                 .FirstOrDefaultAsync(i => i.Id == innovationId, cancellationToken)
                             ?? throw new NotFound("Innovation", innovationId);
            StaleVersion.Check("Innovation", innovationId, ifMatch, innovation.Version);
            if (input.AdopterUnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, cancellationToken))
            {
                throw References.Missing("unit", unitId, "adopterUnitId");
            }

            change(innovation, new Adopter(input.AdopterUnitId, input.AdopterPlace));
            db.Entry(innovation).Property(i => i.Version).IsModified = true;
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getInnovation.RunAsync(innovationId, cancellationToken);
    }
}
