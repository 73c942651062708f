using ReformTrack.Shared;

namespace ReformTrack.Modules.Appraisal;

/// <summary>
/// Zero distinctions for every unit, registered with TryAdd so that the diffusion module's
/// implementation, where present, takes its place; with it the bonus criteria score nothing.
/// </summary>
internal sealed class PendingDistinctions : IUnitDistinctions
{
    public Task<IReadOnlyDictionary<int, DistinctionCounts>> CountAsync(IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, DistinctionCounts>>(unitIds.Distinct().ToDictionary(id => id, _ => DistinctionCounts.None));

    public Task<IReadOnlyList<Distinction>> ListAsync(int unitId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Distinction>>([]);
}
