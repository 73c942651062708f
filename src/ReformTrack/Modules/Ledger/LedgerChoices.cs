using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;

namespace ReformTrack.Modules.Ledger;

/// <summary>A unit or objective offered in a ledger filter, with its depth in the tree for indenting.</summary>
internal sealed record Choice(int Id, string Label, int Depth);

/// <summary>The units and objectives the ledger can be filtered by, in tree order.</summary>
internal sealed class LedgerChoices(ScopedDb dbFactory)
{
    public async Task<IReadOnlyList<Choice>> UnitsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(cancellationToken);
        return units.OrderBy(u => u.Path, TreePathComparer.Instance)
            .Select(u => new Choice(u.Id, u.Name, Depth(u.Path))).ToList();
    }

    public async Task<IReadOnlyList<Choice>> ObjectivesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var objectives = await db.Objectives.AsNoTracking()
            .Select(o => new { o.Id, o.Code, o.Title, o.Path }).ToListAsync(cancellationToken);
        return objectives.OrderBy(o => o.Path, TreePathComparer.Instance)
            .Select(o => new Choice(o.Id, o.Code + " " + o.Title, Depth(o.Path))).ToList();
    }

    private static int Depth(string path) => Math.Max(0, path.Count(c => c == '/') - 2);

    /// <summary>Orders "/1/2/" before "/1/10/": a parent first, then its children by id.</summary>
    private sealed class TreePathComparer : IComparer<string>
    {
        public static readonly TreePathComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
            var b = (y ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var order = (int.TryParse(a[i], out var p) ? p : 0).CompareTo(int.TryParse(b[i], out var q) ? q : 0);
                if (order != 0)
                {
                    return order;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
