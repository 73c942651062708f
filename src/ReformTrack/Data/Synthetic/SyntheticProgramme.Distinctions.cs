using System.Globalization;
using ReformTrack.Modules.Diffusion;
using ReformTrack.Modules.Indicators;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;
using ReformTrack.Modules.Parks;
using ReformTrack.Modules.Supervision;

namespace ReformTrack.Data.Synthetic;

/// <summary>
/// The programme's other modules: parks with their clusters and industrial chains, pilots granted
/// to units, innovations and the units and places that copied them (some copying a copy), cases and
/// honours won, indicators with quarterly observations, and the supervision items the daily rules
/// have open at <see cref="AsOf"/> (at every rung of the ladder, some answered) beside closed ones.
/// </summary>
internal sealed partial class SyntheticProgramme
{
    private readonly List<ParkPlan> parks = [];
    private readonly List<(int Id, string Name, int SortOrder)> clusters = [];
    private readonly List<ChainPlan> chains = [];
    private readonly List<PilotPlan> pilots = [];
    private readonly List<InnovationPlan> innovations = [];
    private readonly List<ReplicationPlan> replications = [];
    private readonly List<HonourPlan> honours = [];
    private readonly List<IndicatorPlan> indicators = [];
    private readonly List<object?[]> supervisionItems = [];

    public int SupervisionItemCount => supervisionItems.Count;

    private void BuildDistinctions()
    {
        var byLead = measures.GroupBy(m => m.Lead.Id).ToDictionary(g => g.Key, g => g.Select(m => m.Id).ToArray());
        BuildParks(Stream(10, 0), byLead);
        BuildPilots(Stream(11, 0), byLead);
        BuildInnovations(Stream(12, 0), byLead);
        BuildHonours(Stream(13, 0));
        BuildIndicators(Stream(14, 0));
        BuildSupervision();
    }

    private IEnumerable<BulkTable> ModuleTables()
    {
        yield return new BulkTable("Clusters", ["Id", "Name", "Description", "SortOrder", "Version"],
            clusters.Select(c => new object?[] { c.Id, c.Name, null, c.SortOrder, 1 }));
        yield return new BulkTable("Parks", ["Id", "Name", "DistrictUnitId", "AreaKm2", "MainIndustries", "AnnualOutput", "OutputYear", "Version"],
            parks.Select(p => new object?[] { p.Id, p.Name, p.DistrictUnitId, p.AreaKm2, p.Industries, p.Output, p.Output is null ? null : 2025, 1 }));
        yield return new BulkTable("ParkDesignations", ["Id", "ParkId", "Kind", "Level", "Year", "Title"],
            parks.SelectMany(p => p.Designations).Select((d, i) => new object?[] { i + 1, d.ParkId, d.Kind.ToString(), d.Level.ToString(), d.Year, null }));
        yield return new BulkTable("Chains", ["Id", "ClusterId", "Name", "Description", "SortOrder", "Version"],
            chains.Select(c => new object?[] { c.Id, c.ClusterId, c.Name, null, c.SortOrder, 1 }));
        yield return new BulkTable("ChainParks", ["ChainId", "ParkId"],
            chains.SelectMany(c => c.ParkIds.Select(p => new object?[] { c.Id, p })));
        yield return new BulkTable("ChainEnterprises", ["Id", "ChainId", "Name", "ParkId"],
            chains.SelectMany(c => c.Enterprises.Select(e => (c.Id, e.Name, e.ParkId)))
                .Select((e, i) => new object?[] { i + 1, e.Item1, e.Name, e.ParkId }));
        yield return new BulkTable("ChainMeasures", ["ChainId", "MeasureId"],
            chains.SelectMany(c => c.MeasureIds.Select(m => new object?[] { c.Id, m })));
        yield return new BulkTable("Pilots",
            ["Id", "Name", "Level", "GrantingBody", "HolderUnitId", "HolderArea", "GrantedOn", "PeriodStart", "PeriodEnd", "Obligations",
                "Status", "EvaluationDueOn", "EvaluatedOn", "EvaluationOutcome", "Version"],
            pilots.Select(p => new object?[]
            {
                p.Id, p.Name, p.Level.ToString(), p.GrantingBody, p.HolderUnitId, p.HolderArea, p.GrantedOn, p.PeriodStart, p.PeriodEnd,
                "按期报送试点进展，形成可复制可推广的制度成果", p.Status.ToString(), p.EvaluationDueOn, p.EvaluatedOn, p.EvaluationOutcome, 1,
            }));
        yield return new BulkTable("PilotMeasures", ["PilotId", "MeasureId"],
            pilots.SelectMany(p => p.MeasureIds.Select(m => new object?[] { p.Id, m })));
        yield return new BulkTable("Innovations", ["Id", "Title", "OriginUnitId", "FirstIntroducedOn", "Description", "Evidence", "Version"],
            innovations.Select(i => new object?[] { i.Id, i.Title, i.OriginUnitId, i.FirstIntroducedOn, "首创做法，形成制度文件并在实践中检验", null, 1 }));
        yield return new BulkTable("InnovationMeasures", ["InnovationId", "MeasureId"],
            innovations.SelectMany(i => i.MeasureIds.Select(m => new object?[] { i.Id, m })));
        yield return new BulkTable("Replications",
            ["Id", "InnovationId", "AdopterUnitId", "AdopterPlace", "AdopterKey", "Level", "AdoptedOn", "SourceReplicationId", "Evidence"],
            replications.Select(r => new object?[]
            {
                r.Id, r.InnovationId, r.AdopterUnitId, r.AdopterPlace,
                r.AdopterUnitId is { } unit ? $"unit:{unit}" : $"place:{r.AdopterPlace}",
                r.Level.ToString(), r.AdoptedOn, r.SourceId, r.SourceId is null ? "借鉴原创单位做法" : "借鉴先行复制地做法",
            }));
        yield return new BulkTable("Honours",
            ["Id", "Title", "AwardingBody", "Level", "Year", "Category", "UnitId", "MeasureId", "InnovationId", "PilotId", "Description",
                "Version", "Published"],
            honours.Select(h => new object?[]
            {
                h.Id, h.Title, h.AwardingBody, h.Level.ToString(), h.Year, h.Category.ToString(), h.UnitId, h.MeasureId, h.InnovationId,
                h.PilotId, null, 1, h.Published,
            }));
        yield return new BulkTable("Indicators",
            ["Id", "Code", "Name", "UnitOfMeasure", "Direction", "BaselineOn", "BaselineValue", "TargetOn", "TargetValue", "RollUp", "UnitId",
                "Published", "Version"],
            indicators.Select(i => new object?[]
            {
                i.Id, i.Code, i.Name, i.UnitOfMeasure, i.Direction.ToString(), BaselineOn, i.Baseline, TargetOn, i.Target, i.RollUp.ToString(),
                i.UnitId, i.Published, 1,
            }));
        yield return new BulkTable("IndicatorObjectives", ["IndicatorId", "ObjectiveId"],
            indicators.Select(i => new object?[] { i.Id, i.ObjectiveId }));
        yield return new BulkTable("Observations", ["Id", "IndicatorId", "On", "Value", "UnitId", "Weight", "Source", "RecordedBy", "RecordedAt"],
            ObservationRows());
        yield return new BulkTable("SupervisionItems",
            ["Id", "MeasureId", "UnitId", "Rule", "Level", "Status", "OpenKey", "OpenedOn", "OpenedBy", "EscalatedOn", "Instruction",
                "RespondBy", "Response", "RespondedBy", "RespondedAt", "ClosedOn", "ClosedBy", "ClosedBecause", "ClosingNote", "Version"],
            supervisionItems);
    }

    // ---- parks, clusters, chains ----

    private void BuildParks(Random random, Dictionary<int, int[]> byLead)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in units.Where(u => u.Kind == UnitKind.Park))
        {
            // A park's name is unique; two districts may name their parks alike.
            var name = names.Add(unit.Name) ? unit.Name : $"{unit.Name}（{unit.Code}）";
            names.Add(name);
            var park = new ParkPlan(parks.Count + 1, name, unit.ParentId!.Value, unit,
                Math.Round(3 + (random.NextDouble() * 60), 1), Industries[random.Next(Industries.Length)] + "、" + Industries[random.Next(Industries.Length)],
                random.NextDouble() < 0.85 ? Math.Round(Math.Exp(3.5 + (1.1 * Gaussian(random))), 1) : null);
            if (random.NextDouble() < 0.3)
            {
                var kind = (DesignationKind)random.Next(0, 3);
                park.Designations.Add(new DesignationPlan(park.Id, kind, random.NextDouble() < 0.3 ? DesignationLevel.National : DesignationLevel.Provincial,
                    random.Next(2010, 2025)));
                if (random.NextDouble() < 0.3)
                {
                    park.Designations.Add(new DesignationPlan(park.Id, DesignationKind.Other, DesignationLevel.Municipal, random.Next(2015, 2026)));
                }
            }

            parks.Add(park);
        }

        var enterprisesOf = units.Where(u => u.Kind == UnitKind.Enterprise).ToLookup(u => u.ParentId!.Value);
        for (var c = 0; c < scale.Clusters; c++)
        {
            clusters.Add((c + 1, ClusterNames[c % ClusterNames.Length] + "产业集群", c + 1));
            for (var k = 0; k < 3; k++)
            {
                var chain = new ChainPlan(chains.Count + 1, c + 1, $"{ClusterNames[c % ClusterNames.Length]}·{Industries[((c * 3) + k) % Industries.Length]}产业链", k + 1);
                var count = Math.Min(parks.Count, random.Next(3, 9));
                foreach (var park in parks.OrderBy(_ => random.Next()).Take(count).OrderBy(p => p.Id))
                {
                    chain.ParkIds.Add(park.Id);
                    foreach (var enterprise in enterprisesOf[park.Unit.Id].Where(_ => random.NextDouble() < 0.5))
                    {
                        chain.Enterprises.Add((enterprise.Name, park.Id));
                    }

                    var led = byLead.GetValueOrDefault(park.Unit.Id) ?? [];
                    foreach (var measureId in led.Where(_ => random.NextDouble() < 0.4).Take(10))
                    {
                        chain.MeasureIds.Add(measureId);
                    }
                }

                chains.Add(chain);
            }
        }
    }

    // ---- pilots ----

    private void BuildPilots(Random random, Dictionary<int, int[]> byLead)
    {
        var holders = units.Where(u => u.Kind is UnitKind.DistrictOffice or UnitKind.Department or UnitKind.Park).ToList();
        for (var i = 0; i < scale.Pilots; i++)
        {
            var roll = random.NextDouble();
            var level = roll < 0.25 ? GrantLevel.National : roll < 0.7 ? GrantLevel.Provincial : GrantLevel.Municipal;
            var body = level switch
            {
                GrantLevel.National => PilotBodies[random.Next(3)],
                GrantLevel.Provincial => "闽江省" + PilotBodies[3 + random.Next(3)],
                _ => (scale.Cities == 0 ? "榕城市" : Names.Cities[random.Next(scale.Cities)] + "市") + "人民政府",
            };
            var holder = holders[random.Next(holders.Count)];
            var inArea = random.NextDouble() < 0.05;
            var applied = DateOnly.FromDayNumber(new DateOnly(2018, 6, 1).DayNumber + random.Next(AsOf.DayNumber - new DateOnly(2018, 6, 1).DayNumber - 60));
            var status = PilotStatus.Applied;
            DateOnly? granted = null, start = null, end = null, due = null, evaluated = null;
            string? outcome = null;
            var fate = random.NextDouble();
            if (fate < 0.06)
            {
                status = PilotStatus.Withdrawn;
            }
            else if (fate < 0.12 && applied > AsOf.AddMonths(-10))
            {
                status = PilotStatus.Applied;
            }
            else
            {
                granted = Min(applied.AddDays(random.Next(30, 180)), AsOf.AddDays(-1));
                start = granted;
                end = granted.Value.AddYears(random.Next(2, 4));
                due = end.Value.AddMonths(3);
                status = PilotStatus.Granted;
                if (end < AsOf)
                {
                    var evaluation = random.NextDouble();
                    if (evaluation < 0.7 && due < AsOf)
                    {
                        evaluated = Min(end.Value.AddDays(random.Next(20, 90)), AsOf.AddDays(-1));
                        status = random.NextDouble() < 0.9 ? PilotStatus.Passed : PilotStatus.Failed;
                        outcome = status == PilotStatus.Passed ? "试点任务全面完成，经验在全省推广" : "部分任务未达预期，试点终止";
                    }
                    else if (evaluation < 0.85)
                    {
                        status = PilotStatus.UnderEvaluation;
                    }
                }
            }

            var topic = Names.Topics[random.Next(Names.Topics.Length)];
            var led = byLead.GetValueOrDefault(holder.Id) ?? [];
            var linked = led.Length == 0 ? [] : Enumerable.Range(0, random.Next(0, 4)).Select(_ => led[random.Next(led.Length)]).Distinct().Order().ToList();
            pilots.Add(new PilotPlan(pilots.Count + 1, $"{holder.Name}{topic}改革试点", level, body, inArea ? null : holder.Id,
                inArea ? holder.Name + "片区" : null, granted, start, end, status, due, evaluated, outcome, linked));
        }
    }

    // ---- innovations and replications ----

    private void BuildInnovations(Random random, Dictionary<int, int[]> byLead)
    {
        var origins = units.Where(u => u.Kind is UnitKind.DistrictOffice or UnitKind.Department or UnitKind.Park && u.Depth >= 2).ToList();
        var adopters = units.Where(u => u.Kind is UnitKind.DistrictOffice or UnitKind.Department).ToList();
        for (var i = 0; i < scale.Innovations; i++)
        {
            var origin = origins[random.Next(origins.Count)];
            var introduced = DateOnly.FromDayNumber(new DateOnly(2018, 10, 1).DayNumber
                                                    + random.Next(AsOf.AddMonths(-2).DayNumber - new DateOnly(2018, 10, 1).DayNumber));
            var led = byLead.GetValueOrDefault(origin.Id) ?? [];
            var linked = led.Length == 0 ? [] : Enumerable.Range(0, random.Next(0, 3)).Select(_ => led[random.Next(led.Length)]).Distinct().Order().ToList();
            var innovation = new InnovationPlan(innovations.Count + 1, $"{origin.Name}{Names.Topics[random.Next(Names.Topics.Length)]}{InnovationWords[random.Next(InnovationWords.Length)]}",
                origin.Id, introduced, linked);
            innovations.Add(innovation);

            // Most innovations are copied a few times, a few very widely (a heavy tail).
            var copies = Math.Min(40, (int)Math.Floor(Math.Exp(1.1 + (0.9 * Gaussian(random)))));
            var days = AsOf.DayNumber - introduced.DayNumber;
            var dates = Enumerable.Range(0, Math.Max(0, copies)).Select(_ => introduced.AddDays(random.Next(Math.Max(1, days)))).Order().ToList();
            var taken = new HashSet<(ReplicationLevel, string)>();
            var own = new List<ReplicationPlan>();
            foreach (var adoptedOn in dates)
            {
                int? unitId = null;
                string? place = null;
                ReplicationLevel level;
                if (random.NextDouble() < 0.85)
                {
                    var unit = adopters[random.Next(adopters.Count)];
                    if (unit.Id == origin.Id)
                    {
                        continue;
                    }

                    unitId = unit.Id;
                    level = AdopterLevel(unit);
                }
                else
                {
                    place = OtherPlaces[random.Next(OtherPlaces.Length)];
                    level = random.NextDouble() < 0.3 ? ReplicationLevel.Nation : ReplicationLevel.Province;
                }

                if (!taken.Add((level, unitId is { } id ? $"unit:{id}" : $"place:{place}")))
                {
                    continue;
                }

                // About a third copy from an earlier adopter rather than from the origin: chains of copies.
                int? source = own.Count > 0 && random.NextDouble() < 0.35 ? own[random.Next(own.Count)].Id : null;
                var replication = new ReplicationPlan(replications.Count + 1, innovation.Id, unitId, place, level, adoptedOn, source);
                replications.Add(replication);
                own.Add(replication);
            }
        }
    }

    /// <summary>The tier of government an adopting unit belongs to.</summary>
    private ReplicationLevel AdopterLevel(UnitPlan unit)
    {
        // Below the root: in a province its departments, then the cities; in a city its departments, then its districts.
        var cityDepth = scale.Cities == 0 ? 1 : 2;
        if (scale.Cities > 0 && unit.Depth == 2)
        {
            return unit.Kind == UnitKind.Department ? ReplicationLevel.Province : ReplicationLevel.City;
        }

        if (unit.Depth == cityDepth + 1)
        {
            return unit.Kind == UnitKind.Department ? ReplicationLevel.City : ReplicationLevel.County;
        }

        return ReplicationLevel.County;
    }

    // ---- cases and honours ----

    private void BuildHonours(Random random)
    {
        var winners = units.Where(u => u.Kind is UnitKind.DistrictOffice or UnitKind.Department or UnitKind.Park or UnitKind.Enterprise).ToList();
        var passed = pilots.Where(p => p.Status == PilotStatus.Passed && p.HolderUnitId is not null).ToList();
        for (var i = 0; i < scale.Honours; i++)
        {
            var roll = random.NextDouble();
            var category = roll < 0.5 ? HonourCategory.TypicalCase : roll < 0.75 ? HonourCategory.Award
                : roll < 0.8 ? HonourCategory.DemonstrationCity : roll < 0.9 ? HonourCategory.DemonstrationZone : HonourCategory.Other;
            var level = random.NextDouble() switch { < 0.2 => GrantLevel.National, < 0.65 => GrantLevel.Provincial, _ => GrantLevel.Municipal };
            int unitId;
            int? innovationId = null, pilotId = null, measureId = null;
            var link = random.NextDouble();
            if (link < 0.3 && innovations.Count > 0)
            {
                var innovation = innovations[random.Next(innovations.Count)];
                innovationId = innovation.Id;
                unitId = innovation.OriginUnitId;
            }
            else if (link < 0.45 && passed.Count > 0)
            {
                var pilot = passed[random.Next(passed.Count)];
                pilotId = pilot.Id;
                unitId = pilot.HolderUnitId!.Value;
            }
            else if (link < 0.6)
            {
                var measure = measures[random.Next(measures.Count)];
                measureId = measure.Id;
                unitId = measure.Lead.Id;
            }
            else
            {
                unitId = winners[random.Next(winners.Count)].Id;
            }

            var year = random.Next(2019, 2027);
            var topic = Names.Topics[random.Next(Names.Topics.Length)];
            var (title, body) = category switch
            {
                HonourCategory.TypicalCase => ($"{topic}改革典型案例", level == GrantLevel.National ? "中央全面深化改革委员会办公室" : "省委改革办"),
                HonourCategory.Award => ($"{topic}改革创新奖", level == GrantLevel.National ? "国务院办公厅" : "省人民政府"),
                HonourCategory.DemonstrationCity => ($"{topic}示范城市", "国家发展和改革委员会"),
                HonourCategory.DemonstrationZone => ($"{topic}示范区", "省发展和改革委员会"),
                _ => ($"{topic}工作先进单位", "省委改革办"),
            };
            honours.Add(new HonourPlan(honours.Count + 1, $"{year}年度{title}", body, level, year, category, unitId, measureId, innovationId,
                pilotId, random.NextDouble() < 0.6));
        }
    }

    // ---- indicators ----

    private static readonly DateOnly BaselineOn = new(2021, 12, 31);
    private static readonly DateOnly TargetOn = new(2027, 12, 31);

    private void BuildIndicators(Random random)
    {
        var areas = units.Where(u => u.Kind == UnitKind.DistrictOffice && u.Depth == 2).ToList();
        if (areas.Count == 0)
        {
            areas = [units[0]];
        }

        var subTasks = objectives.Where(o => o.Level == Modules.Governance.ObjectiveLevel.SubTask).ToList();
        for (var i = 0; i < scale.Indicators; i++)
        {
            var (name, measure, baseline, target, rollUp) = IndicatorKinds[i % IndicatorKinds.Length];
            // Province-wide indicators take the cities' values; a city's own take its districts' values.
            var owner = i % 3 == 0 || scale.Cities == 0 ? units[0] : areas[random.Next(areas.Count)];
            var parts = units.Where(u => u.ParentId == owner.Id && u.Kind == UnitKind.DistrictOffice).Select(u => u.Id).ToArray();
            var scaleBy = 0.7 + (random.NextDouble() * 0.6);
            indicators.Add(new IndicatorPlan(i + 1, $"IND-{i + 1:D3}", (owner.Id == units[0].Id ? "" : owner.Name.Replace("委改革办", "", StringComparison.Ordinal)) + name,
                measure, target >= baseline ? Direction.HigherIsBetter : Direction.LowerIsBetter, Math.Round(baseline * scaleBy, 2),
                Math.Round(target * scaleBy, 2), rollUp, owner.Id, random.NextDouble() < 0.5, subTasks[random.Next(subTasks.Count)].Id,
                random.NextDouble() < 0.6 ? parts : [], random.NextDouble()));
        }
    }

    /// <summary>Quarterly values from the baseline to the last quarter before <see cref="AsOf"/>, by part where the indicator has parts.</summary>
    private IEnumerable<object?[]> ObservationRows()
    {
        var id = 0;
        foreach (var indicator in indicators)
        {
            var random = Stream(15, indicator.Id);
            var weights = indicator.Parts.Select(_ => Math.Round(1 + (random.NextDouble() * 9), 2)).ToArray();
            for (var on = BaselineOn.AddMonths(3); on < AsOf; on = new DateOnly(on.Year, on.Month, 1).AddMonths(4).AddDays(-1))
            {
                var share = (on.DayNumber - BaselineOn.DayNumber) / (double)(TargetOn.DayNumber - BaselineOn.DayNumber);
                // Some indicators keep pace with their trajectory, some fall behind.
                var pace = indicator.Pace < 0.6 ? 1.0 : indicator.Pace < 0.85 ? 0.8 : 0.5;
                var whole = indicator.Baseline + ((indicator.Target - indicator.Baseline) * share * pace);
                var recordedAt = ToUtc(on.AddDays(random.Next(10, 25)), 9);
                if (indicator.Parts.Length == 0)
                {
                    id++;
                    yield return [id, indicator.Id, on, Math.Round(whole * (0.98 + (random.NextDouble() * 0.04)), 2), null, null, "统计部门", "统计员", recordedAt];
                    continue;
                }

                for (var p = 0; p < indicator.Parts.Length; p++)
                {
                    var value = indicator.RollUp == RollUpMethod.Sum ? whole / indicator.Parts.Length : whole;
                    id++;
                    yield return
                    [
                        id, indicator.Id, on, Math.Round(value * (0.9 + (random.NextDouble() * 0.2)), 2), indicator.Parts[p],
                        indicator.RollUp == RollUpMethod.WeightedAverage ? weights[p] : null, "统计部门", "统计员", recordedAt,
                    ];
                }
            }
        }
    }

    // ---- supervision ----

    /// <summary>
    /// The items the daily rules would hold open at <see cref="AsOf"/> for measures behind or overdue (most of them; the
    /// rest are opened by the next evaluation), each on the rung its age calls for, some answered; items opened by hand;
    /// and closed items of earlier months.
    /// </summary>
    private void BuildSupervision()
    {
        var options = SupervisionOptions.Default;
        var thresholds = LightThresholds.Default;
        var t = AsOf.DayNumber;
        var id = 0;
        foreach (var m in measures)
        {
            var random = Stream(16, m.Id);
            var liaison = m.Lead.Liaison!.Name;
            if (m.Fate.Status == MeasureStatus.Active)
            {
                var span = m.Due.DayNumber - m.Start.DayNumber;
                var behind = ((t - m.Start.DayNumber) * 100) - (m.Fate.Progress * span);
                SupervisionRule? rule = m.Due < AsOf ? SupervisionRule.Overdue
                    : behind > thresholds.RedBehind * span ? SupervisionRule.Red
                    : behind >= thresholds.YellowBehind * span ? SupervisionRule.Yellow
                    : null;
                if (rule is { } r && random.NextDouble() < 0.92)
                {
                    var daysOpen = Math.Min(random.Next(0, 75), Math.Max(0, t - m.Start.DayNumber));
                    var openedOn = AsOf.AddDays(-daysOpen);
                    var answered = daysOpen >= options.WarningAfterDays && random.NextDouble() < 0.3;
                    var answeredAfter = answered ? random.Next(options.WarningAfterDays, daysOpen + 1) : daysOpen;
                    var level = options.LevelAfter(answeredAfter);
                    DateOnly? escalatedOn = level switch
                    {
                        SupervisionLevel.Warning => openedOn.AddDays(options.WarningAfterDays),
                        SupervisionLevel.Instruction => openedOn.AddDays(options.InstructionAfterDays),
                        _ => null,
                    };
                    id++;
                    supervisionItems.Add(
                    [
                        id, m.Id, m.Lead.Id, r.ToString(), level.ToString(), answered ? "Answered" : "Open", SupervisionItem.KeyOf(m.Id, r), openedOn,
                        SupervisionItem.SystemActor, escalatedOn, null, null,
                        answered ? Names.NextSteps[random.Next(Names.NextSteps.Length)] : null, answered ? liaison : null,
                        answered ? ToUtc(openedOn.AddDays(answeredAfter), 10) : null, null, null, null, null, 1,
                    ]);
                }

                if (random.NextDouble() < 0.006)
                {
                    // A leader's instruction on a measure, opened by hand.
                    var openedOn = AsOf.AddDays(-random.Next(1, 60));
                    var answered = random.NextDouble() < 0.4;
                    id++;
                    supervisionItems.Add(
                    [
                        id, m.Id, m.Lead.Id, nameof(SupervisionRule.Manual),
                        (random.NextDouble() < 0.6 ? SupervisionLevel.Instruction : SupervisionLevel.Warning).ToString(),
                        answered ? "Answered" : "Open", null, openedOn, Names.Reviewers[random.Next(Names.Reviewers.Length)], null,
                        "请牵头单位加快推进，并于期限内书面报告进展", openedOn.AddDays(14),
                        answered ? Names.NextSteps[random.Next(Names.NextSteps.Length)] : null, answered ? liaison : null,
                        answered ? ToUtc(Min(openedOn.AddDays(random.Next(1, 14)), AsOf), 10) : null, null, null, null, null, 1,
                    ]);
                }
            }

            // Items of earlier months, closed because the measure caught up or because the office settled them.
            if (m.Fate.Status is MeasureStatus.Active or MeasureStatus.Completed && m.Start < AsOf.AddMonths(-3) && random.NextDouble() < 0.12)
            {
                var last = Min(m.Fate.CompletedOn ?? AsOf, AsOf).AddDays(-30).DayNumber;
                if (last > m.Start.DayNumber + 30)
                {
                    var openedOn = DateOnly.FromDayNumber(random.Next(m.Start.DayNumber + 30, last));
                    var daysOpen = random.Next(2, 30);
                    var closedOn = openedOn.AddDays(daysOpen);
                    var level = options.LevelAfter(daysOpen);
                    var resolved = random.NextDouble() < 0.3;
                    var rule = random.NextDouble() switch
                    {
                        < 0.5 => SupervisionRule.Yellow,
                        < 0.65 => SupervisionRule.Red,
                        < 0.9 => SupervisionRule.ReportMissing,
                        _ => SupervisionRule.MilestoneMissed,
                    };
                    id++;
                    supervisionItems.Add(
                    [
                        id, m.Id, m.Lead.Id, rule.ToString(), level.ToString(), "Closed", null, openedOn, SupervisionItem.SystemActor,
                        level == SupervisionLevel.Reminder ? null : openedOn.AddDays(level == SupervisionLevel.Warning ? options.WarningAfterDays : options.InstructionAfterDays),
                        null, null, resolved ? Names.NextSteps[random.Next(Names.NextSteps.Length)] : null, resolved ? liaison : null,
                        resolved ? ToUtc(closedOn.AddDays(-1), 10) : null, closedOn,
                        resolved ? Names.Reviewers[random.Next(Names.Reviewers.Length)] : SupervisionItem.SystemActor,
                        resolved ? nameof(ClosedBecause.Resolved) : nameof(ClosedBecause.BackOnTrack), resolved ? "已整改到位" : null, 1,
                    ]);
                }
            }
        }
    }

    // ---- word pools ----

    private static readonly string[] Industries =
        ["新能源汽车", "锂电新能源", "集成电路", "生物医药", "数字经济", "纺织化纤", "冶金新材料", "食品加工", "海洋经济", "高端装备", "光电信息", "现代物流"];

    private static readonly string[] ClusterNames = ["先进制造", "数字信息", "绿色能源", "现代服务", "海洋经济", "生命健康"];

    private static readonly string[] PilotBodies =
        ["国家发展和改革委员会", "国务院办公厅", "商务部", "发展和改革委员会", "人民政府办公厅", "委改革办"];

    private static readonly string[] InnovationWords = ["“一件事”集成改革", "首创机制", "创新做法", "新模式", "“最多跑一次”做法"];

    private static readonly string[] OtherPlaces = ["浙江省杭州市", "江苏省苏州市", "广东省深圳市", "四川省成都市", "安徽省合肥市", "江西省赣州市", "湖北省武汉市", "山东省青岛市"];

    private static readonly (string Name, string Measure, double Baseline, double Target, RollUpMethod RollUp)[] IndicatorKinds =
    [
        ("政务服务事项全程网办率", "%", 62, 95, RollUpMethod.Average),
        ("新增市场主体", "万户", 8.5, 14, RollUpMethod.Sum),
        ("规模以上工业增加值增速", "%", 6.2, 8, RollUpMethod.WeightedAverage),
        ("企业开办时间", "天", 3.5, 1, RollUpMethod.Average),
        ("研发经费投入强度", "%", 1.9, 2.8, RollUpMethod.WeightedAverage),
        ("实际利用外资", "亿美元", 42, 60, RollUpMethod.Sum),
        ("单位GDP能耗下降率", "%", 2.1, 3.5, RollUpMethod.Average),
        ("城镇新增就业", "万人", 12, 15, RollUpMethod.Sum),
    ];

    private sealed record ParkPlan(int Id, string Name, int DistrictUnitId, UnitPlan Unit, double AreaKm2, string Industries, double? Output)
    {
        public List<DesignationPlan> Designations { get; } = [];
    }

    private sealed record DesignationPlan(int ParkId, DesignationKind Kind, DesignationLevel Level, int Year);

    private sealed record ChainPlan(int Id, int ClusterId, string Name, int SortOrder)
    {
        public List<int> ParkIds { get; } = [];
        public List<(string Name, int ParkId)> Enterprises { get; } = [];
        public SortedSet<int> MeasureIds { get; } = [];
    }

    private sealed record PilotPlan(int Id, string Name, GrantLevel Level, string GrantingBody, int? HolderUnitId, string? HolderArea,
        DateOnly? GrantedOn, DateOnly? PeriodStart, DateOnly? PeriodEnd, PilotStatus Status, DateOnly? EvaluationDueOn, DateOnly? EvaluatedOn,
        string? EvaluationOutcome, List<int> MeasureIds);

    private sealed record InnovationPlan(int Id, string Title, int OriginUnitId, DateOnly FirstIntroducedOn, List<int> MeasureIds);

    private sealed record ReplicationPlan(int Id, int InnovationId, int? AdopterUnitId, string? AdopterPlace, ReplicationLevel Level,
        DateOnly AdoptedOn, int? SourceId);

    private sealed record HonourPlan(int Id, string Title, string AwardingBody, GrantLevel Level, int Year, HonourCategory Category, int UnitId,
        int? MeasureId, int? InnovationId, int? PilotId, bool Published);

    private sealed record IndicatorPlan(int Id, string Code, string Name, string UnitOfMeasure, Direction Direction, double Baseline,
        double Target, RollUpMethod RollUp, int UnitId, bool Published, int ObjectiveId, int[] Parts, double Pace);
}
