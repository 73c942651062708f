using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

/// <summary>The objects chiefs answer for, read by kind and id: chains and parks of the Parks module, waters of this one.</summary>
internal static class ChiefObjects
{
    public static bool IsWater(ChiefObjectKind kind) => kind is ChiefObjectKind.River or ChiefObjectKind.Lake or ChiefObjectKind.Reach;

    public static WaterKind WaterKindOf(ChiefObjectKind kind) => kind switch
    {
        ChiefObjectKind.River => WaterKind.River,
        ChiefObjectKind.Lake => WaterKind.Lake,
        _ => WaterKind.Reach,
    };

    public static ChiefObjectKind KindOf(WaterKind kind) => kind switch
    {
        WaterKind.River => ChiefObjectKind.River,
        WaterKind.Lake => ChiefObjectKind.Lake,
        _ => ChiefObjectKind.Reach,
    };

    /// <summary>Names of the given objects that the context can see; an unseen object has no entry.</summary>
    public static async Task<Dictionary<(ChiefObjectKind Kind, int Id), string>> NamesAsync(ReformDbContext db,
        IEnumerable<(ChiefObjectKind Kind, int Id)> objects, CancellationToken cancellationToken)
    {
        var list = objects.Distinct().ToList();
        var chainIds = list.Where(o => o.Kind == ChiefObjectKind.Chain).Select(o => o.Id).ToList();
        var parkIds = list.Where(o => o.Kind == ChiefObjectKind.Park).Select(o => o.Id).ToList();
        var waterIds = list.Where(o => IsWater(o.Kind)).Select(o => o.Id).ToList();
        var names = new Dictionary<(ChiefObjectKind, int), string>();
        foreach (var c in await db.Chains.AsNoTracking().Where(c => chainIds.Contains(c.Id)).Select(c => new { c.Id, c.Name })
                     .ToListAsync(cancellationToken))
        {
            names[(ChiefObjectKind.Chain, c.Id)] = c.Name;
        }

        foreach (var p in await db.Parks.AsNoTracking().Where(p => parkIds.Contains(p.Id)).Select(p => new { p.Id, p.Name })
                     .ToListAsync(cancellationToken))
        {
            names[(ChiefObjectKind.Park, p.Id)] = p.Name;
        }

        foreach (var w in await db.Waters.AsNoTracking().Where(w => waterIds.Contains(w.Id)).Select(w => new { w.Id, w.Name, w.Kind })
                     .ToListAsync(cancellationToken))
        {
            names[(KindOf(w.Kind), w.Id)] = w.Name;
        }

        return names;
    }

    /// <summary>Throws unless the object exists, is of that kind and is visible to the user.</summary>
    public static async Task CheckExistsAsync(ReformDbContext db, ChiefObjectKind kind, int id, CancellationToken cancellationToken)
    {
        var waterKind = WaterKindOf(kind);
        var exists = kind switch
        {
            ChiefObjectKind.Chain => await db.Chains.AnyAsync(c => c.Id == id, cancellationToken),
            ChiefObjectKind.Park => await db.Parks.AnyAsync(p => p.Id == id, cancellationToken),
            _ => await db.Waters.AnyAsync(w => w.Id == id && w.Kind == waterKind, cancellationToken),
        };
        if (!exists)
        {
            throw References.Missing(kind.ToString().ToLowerInvariant(), id, "objectId");
        }
    }

    public static async Task CheckPersonAsync(ReformDbContext db, int? personId, string field, CancellationToken cancellationToken)
    {
        if (personId is { } id && !await db.People.AnyAsync(p => p.Id == id, cancellationToken))
        {
            throw References.Missing("person", id, field);
        }
    }
}
