using System.Globalization;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;

namespace ReformTrack.Data.Synthetic;

/// <summary>Rows for one table, in column order; values are int, long, string, bool, DateOnly, DateTime (UTC), string[] or null.</summary>
internal sealed record BulkTable(string Name, IReadOnlyList<string> Columns, IEnumerable<object?[]> Rows);

/// <summary>
/// A synthetic reform programme, the same for the same scale and seed: a unit tree four or five
/// levels deep, objectives, commission and working-group meetings, documents with numbered
/// clauses, measures spread over the units with a skew (a few departments lead many measures,
/// most enterprises few), every state judged at <see cref="AsOf"/>, milestones, co-units, and
/// monthly progress reports with gaps, accepted, returned or awaiting review.
/// Reports are produced as they are written, so the millions of them never sit in memory.
/// </summary>
internal sealed partial class SyntheticProgramme
{
    /// <summary>The day every state and light is designed for (also the day the test hosts start at).</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 28);

    private static readonly DateOnly FirstStart = new(2019, 1, 1);
    private static readonly DateOnly LastStart = new(2027, 2, 28);

    private readonly SyntheticScale scale;
    private readonly int seed;
    private readonly List<UnitPlan> units = [];
    private readonly List<PersonPlan> people = [];
    private readonly List<ObjectivePlan> objectives = [];
    private readonly List<MeetingPlan> meetings = [];
    private readonly List<DocumentPlan> documents = [];
    private readonly List<ClausePlan> clauses = [];
    private readonly List<(int MeetingId, int DocumentId, ReviewOutcome Outcome)> reviews = [];
    private readonly List<MeasurePlan> measures = [];

    public SyntheticProgramme(SyntheticScale scale, int seed)
    {
        this.scale = scale;
        this.seed = seed;
        var random = Stream(0, 0);
        BuildUnits(random);
        BuildPeople(random);
        BuildObjectives(random);
        BuildMeetingsAndDocuments(random);
        BuildMeasures(random);
        BuildDistinctions();
    }

    public int UnitCount => units.Count;
    public int UnitDepth => units.Max(u => u.Depth);
    public int MeasureCount => measures.Count;

    /// <summary>Every table in the order its foreign keys need.</summary>
    public IEnumerable<BulkTable> Tables()
    {
        yield return new BulkTable("Units", ["Id", "Code", "Name", "Kind", "ParentId", "Path", "Version"],
            units.Select(u => new object?[] { u.Id, u.Code, u.Name, u.Kind.ToString(), u.ParentId, u.Path, 1 }));
        yield return new BulkTable("People", ["Id", "Name", "UnitId", "Title", "Email", "Phone", "IsLiaison", "Version"],
            people.Select(p => new object?[] { p.Id, p.Name, p.UnitId, p.Title, null, p.Phone, p.IsLiaison, 1 }));
        yield return new BulkTable("Objectives", ["Id", "Code", "Title", "Level", "ParentId", "Path", "SortOrder", "Version"],
            objectives.Select(o => new object?[] { o.Id, o.Code, o.Title, o.Level.ToString(), o.ParentId, o.Path, o.SortOrder, 1 }));
        yield return new BulkTable("Meetings", ["Id", "Number", "HeldOn", "BodyUnitId", "Title", "Agenda", "Version"],
            meetings.Select(m => new object?[] { m.Id, m.Number, m.HeldOn, m.BodyUnitId, m.Title, m.Agenda, 1 }));
        yield return new BulkTable("Documents", ["Id", "Number", "Title", "Kind", "ParentId", "IssuedOn", "Version"],
            documents.Select(d => new object?[] { d.Id, d.Number, d.Title, d.Kind.ToString(), d.ParentId, d.IssuedOn, 1 }));
        yield return new BulkTable("DocumentClauses", ["Id", "DocumentId", "Number", "Text"],
            clauses.Select(c => new object?[] { c.Id, c.DocumentId, c.Number, c.Text }));
        yield return new BulkTable("DocumentReviews", ["MeetingId", "DocumentId", "Outcome"],
            reviews.Select(r => new object?[] { r.MeetingId, r.DocumentId, r.Outcome.ToString() }));
        yield return new BulkTable("Measures",
            ["Id", "Code", "Title", "Description", "DocumentId", "ClauseId", "ObjectiveId", "LeadUnitId", "ResponsiblePersonId",
                "StartOn", "DueOn", "Status", "Progress", "CompletedOn", "StatusReason", "Tags", "CreatedAt", "UpdatedAt", "Version"],
            measures.Select(MeasureRow));
        yield return new BulkTable("MeasureCoUnits", ["MeasureId", "UnitId"], CoUnitRows());
        yield return new BulkTable("Milestones", ["Id", "MeasureId", "Title", "DueOn", "DoneOn", "Evidence", "Version"],
            MilestoneRows());
        yield return new BulkTable("ProgressReports",
            ["Id", "MeasureId", "SubmittedBy", "SubmittedAt", "Status", "ReviewedBy", "ReviewedAt", "ReturnReason",
                "OfficeConfidence", "ReviewNote", "Version", "Confidence", "Done", "Evidence", "Explanation", "NextSteps",
                "Obstacles", "Percent", "Period"],
            ReportRows());
        foreach (var table in ModuleTables())
        {
            yield return table;
        }
    }

    // ---- units and people ----

    private void BuildUnits(Random random)
    {
        var root = AddUnit(null, scale.Cities == 0 ? "C" : "P", scale.Cities == 0 ? "榕城市委全面深化改革委员会" : "闽江省委全面深化改革委员会",
            UnitKind.Commission, 0);
        var prefix = scale.Cities == 0 ? "榕城市" : "闽江省";
        AddUnit(root, root.Code + "-OFF", prefix + "委改革办", UnitKind.Office, 4.0);
        for (var g = 0; g < 10; g++)
        {
            AddUnit(root, $"{root.Code}-WG{g + 1:D2}", prefix + "委改革委" + Names.WorkingGroups[g] + "专项小组", UnitKind.WorkingGroup, 1.0);
        }

        if (scale.Cities == 0)
        {
            AddCity(random, root, root.Code, "榕城市", topLevel: true);
            return;
        }

        for (var d = 0; d < scale.ProvincialDepartments; d++)
        {
            AddUnit(root, $"P-D{d + 1:D2}", "闽江省" + Names.Departments[d % Names.Departments.Length], UnitKind.Department,
                Weight(random, 1.2, 1.0));
        }

        for (var c = 0; c < scale.Cities; c++)
        {
            var name = Names.Cities[c % Names.Cities.Length] + "市";
            var office = AddUnit(root, $"P-C{c + 1:D2}", name + "委改革办", UnitKind.DistrictOffice, Weight(random, 0.8, 0.8));
            AddCity(random, office, office.Code, name, topLevel: false);
        }
    }

    private void AddCity(Random random, UnitPlan city, string code, string name, bool topLevel)
    {
        var departments = scale.CityDepartments + random.Next(-3, 4);
        for (var d = 0; d < departments; d++)
        {
            AddUnit(city, $"{code}-D{d + 1:D2}", name + Names.Departments[d % Names.Departments.Length], UnitKind.Department,
                Weight(random, 1.0, 1.0));
        }

        var districts = scale.DistrictsPerCity + random.Next(-2, 3);
        for (var k = 0; k < districts; k++)
        {
            var districtName = name + Names.Districts[k % Names.Districts.Length];
            var district = AddUnit(city, $"{code}-Q{k + 1:D2}", districtName + "委改革办", UnitKind.DistrictOffice,
                Weight(random, topLevel ? 1.0 : 0.6, 0.8));
            var local = random.Next(6, 11);
            for (var d = 0; d < local; d++)
            {
                AddUnit(district, $"{district.Code}-D{d + 1:D2}", districtName + Names.Departments[(d * 3 + k) % Names.Departments.Length],
                    UnitKind.Department, Weight(random, 0.3, 1.0));
            }

            var parks = random.Next(1, 3);
            for (var p = 0; p < parks; p++)
            {
                var park = AddUnit(district, $"{district.Code}-P{p + 1}", districtName + Names.Parks[(k + p) % Names.Parks.Length],
                    UnitKind.Park, Weight(random, 0.2, 0.8));
                var enterprises = random.Next(2, 5);
                for (var e = 0; e < enterprises; e++)
                {
                    AddUnit(park, $"{park.Code}-E{e + 1}", districtName + Names.Enterprises[(k + p + e) % Names.Enterprises.Length],
                        UnitKind.Enterprise, Weight(random, -1.2, 0.7));
                }
            }
        }
    }

    private UnitPlan AddUnit(UnitPlan? parent, string code, string name, UnitKind kind, double weight)
    {
        var id = units.Count + 1;
        var unit = new UnitPlan(id, code, name, kind, parent?.Id, $"{parent?.Path ?? "/"}{id}/", (parent?.Depth ?? 0) + 1, weight);
        units.Add(unit);
        return unit;
    }

    /// <summary>A log-normal weight: most units lead a few measures, some lead very many.</summary>
    private static double Weight(Random random, double mu, double sigma) => Math.Exp(mu + (sigma * Gaussian(random)));

    private void BuildPeople(Random random)
    {
        foreach (var unit in units)
        {
            var head = new PersonPlan(people.Count + 1, PersonName(random), unit.Id, unit.Kind == UnitKind.Enterprise ? "总经理" : "主任",
                Phone(random), IsLiaison: false);
            people.Add(head);
            var liaison = new PersonPlan(people.Count + 1, PersonName(random), unit.Id, "改革联络员", Phone(random), IsLiaison: true);
            people.Add(liaison);
            unit.Head = head;
            unit.Liaison = liaison;
        }
    }

    private static string PersonName(Random random) =>
        Names.Surnames[random.Next(Names.Surnames.Length)] + Names.Given[random.Next(Names.Given.Length)]
        + (random.Next(3) == 0 ? "" : Names.Given[random.Next(Names.Given.Length)]);

    private static string Phone(Random random) => $"0591-{random.Next(8000_0000, 8899_9999)}";

    // ---- objectives ----

    private void BuildObjectives(Random random)
    {
        var keyTaskNumber = 0;
        for (var a = 0; a < scale.Aspects; a++)
        {
            var aspect = AddObjective(null, $"A{a + 1}", Names.Aspects[a % Names.Aspects.Length], ObjectiveLevel.Aspect, a + 1);
            var keyTasks = scale.Aspects <= 4 ? random.Next(2, 4) : random.Next(3, 5);
            for (var k = 0; k < keyTasks; k++)
            {
                keyTaskNumber++;
                var keyTask = AddObjective(aspect, $"K{keyTaskNumber:D2}", Names.KeyTasks[(keyTaskNumber - 1) % Names.KeyTasks.Length],
                    ObjectiveLevel.KeyTask, k + 1);
                var subTasks = random.Next(2, 6);
                for (var s = 0; s < subTasks; s++)
                {
                    var sub = AddObjective(keyTask, $"{keyTask.Code}-{s + 1}",
                        Names.Topics[(keyTaskNumber * 7 + s) % Names.Topics.Length] + "改革", ObjectiveLevel.SubTask, s + 1);
                    keyTask.SubTasks.Add(sub);
                }
            }
        }
    }

    private ObjectivePlan AddObjective(ObjectivePlan? parent, string code, string title, ObjectiveLevel level, int order)
    {
        var id = objectives.Count + 1;
        var objective = new ObjectivePlan(id, code, title, level, parent?.Id, $"{parent?.Path ?? "/"}{id}/", order);
        objectives.Add(objective);
        return objective;
    }

    // ---- meetings, documents, clauses, reviews ----

    private void BuildMeetingsAndDocuments(Random random)
    {
        var commission = units[0];
        var groups = units.Where(u => u.Kind == UnitKind.WorkingGroup).ToList();
        var perYearCommission = scale.Cities == 0 ? 8 : 10;
        var number = 0;
        var groupNumbers = new int[groups.Count];
        var commissionMeetings = new List<MeetingPlan>();
        for (var year = 2018; year <= 2026; year++)
        {
            var months = year == 2018 ? 4 : 12;
            var startMonth = 13 - months;
            var count = year == 2018 ? 2 : perYearCommission;
            for (var i = 0; i < count; i++)
            {
                var month = startMonth + (i * months / count);
                var day = random.Next(5, 26);
                var heldOn = new DateOnly(year, month, day);
                number++;
                var meeting = AddMeeting(number, heldOn, commission, $"{commission.Name}第{number}次会议");
                commissionMeetings.Add(meeting);
            }

            if (year == 2018)
            {
                continue;
            }

            for (var g = 0; g < groups.Count; g++)
            {
                for (var q = 0; q < 4; q++)
                {
                    groupNumbers[g]++;
                    var heldOn = new DateOnly(year, (q * 3) + 1 + random.Next(0, 3), random.Next(3, 27));
                    AddMeeting(groupNumbers[g], heldOn, groups[g], $"{groups[g].Name}第{groupNumbers[g]}次会议");
                }
            }
        }

        // Meetings after the reference date have not happened yet, so none are planned past it.
        meetings.RemoveAll(m => m.HeldOn > AsOf);
        commissionMeetings.RemoveAll(m => m.HeldOn > AsOf);

        var span = AsOf.AddMonths(-3).DayNumber - new DateOnly(2018, 10, 1).DayNumber;
        var keyTasks = objectives.Where(o => o.Level == ObjectiveLevel.KeyTask).ToList();
        var numbersPerYear = new Dictionary<int, int>();
        var issuer = scale.Cities == 0 ? "榕委改" : "闽委改";
        for (var i = 0; i < scale.Documents; i++)
        {
            var issuedOn = DateOnly.FromDayNumber(new DateOnly(2018, 10, 1).DayNumber + (int)((long)span * i / scale.Documents)
                                                  + random.Next(0, 5));
            var roll = random.NextDouble();
            var kind = i == 0 || roll < 0.02 ? DocumentKind.Decision
                : roll < 0.42 ? DocumentKind.Plan
                : roll < 0.72 ? DocumentKind.SupportingDocument
                : DocumentKind.Notice;
            int? parentId = null;
            if (kind == DocumentKind.SupportingDocument)
            {
                var parents = documents.Where(d => d.Kind is DocumentKind.Decision or DocumentKind.Plan).TakeLast(40).ToList();
                parentId = parents.Count == 0 ? null : parents[random.Next(parents.Count)].Id;
            }

            var year = issuedOn.Year;
            numbersPerYear[year] = numbersPerYear.GetValueOrDefault(year) + 1;
            var keyTask = keyTasks[random.Next(keyTasks.Count)];
            var topic = Names.Topics[random.Next(Names.Topics.Length)];
            var title = kind switch
            {
                DocumentKind.Decision => $"关于全面深化{topic}改革的决定",
                DocumentKind.Plan => $"关于{topic}的实施方案",
                DocumentKind.SupportingDocument => $"关于{topic}的配套措施",
                _ => $"关于做好{topic}工作的通知",
            };
            var document = new DocumentPlan(documents.Count + 1, $"{issuer}〔{year}〕{numbersPerYear[year]}号", title, kind, parentId,
                issuedOn, keyTask);
            documents.Add(document);

            var clauseCount = random.Next(8, 31);
            for (var c = 1; c <= clauseCount; c++)
            {
                var clauseTopic = Names.Topics[random.Next(Names.Topics.Length)];
                var clause = new ClausePlan(clauses.Count + 1, document.Id, c,
                    $"{Names.Numerals[(c - 1) % Names.Numerals.Length]}、{Names.Verbs[random.Next(Names.Verbs.Length)]}{clauseTopic}。由牵头单位会同相关单位按职责分工落实。");
                clauses.Add(clause);
                document.Clauses.Add(clause);
            }

            // Passed at the last commission meeting before issue; one in twenty was deferred once before.
            var passedAt = commissionMeetings.LastOrDefault(m => m.HeldOn <= issuedOn) ?? commissionMeetings[0];
            var index = commissionMeetings.IndexOf(passedAt);
            if (index > 0 && random.NextDouble() < 0.05)
            {
                reviews.Add((commissionMeetings[index - 1].Id, document.Id, ReviewOutcome.Deferred));
            }

            reviews.Add((passedAt.Id, document.Id, ReviewOutcome.Passed));
        }
    }

    private MeetingPlan AddMeeting(int number, DateOnly heldOn, UnitPlan body, string title)
    {
        var meeting = new MeetingPlan(meetings.Count + 1, number, heldOn, body.Id, title,
            "1. 审议有关改革方案\n2. 听取专项小组改革工作情况汇报\n3. 研究部署下一阶段重点改革任务");
        meetings.Add(meeting);
        return meeting;
    }

    // ---- measures ----

    private void BuildMeasures(Random random)
    {
        var leads = units.Where(u => u.Weight > 0).ToList();
        var cumulative = new double[leads.Count];
        var total = 0.0;
        for (var i = 0; i < leads.Count; i++)
        {
            total += leads[i].Weight;
            cumulative[i] = total;
        }

        var documentDays = documents.Select(d => d.IssuedOn.DayNumber).ToArray();
        var startSpan = LastStart.DayNumber - FirstStart.DayNumber;
        for (var i = 0; i < scale.Measures; i++)
        {
            var id = i + 1;
            var pick = Array.BinarySearch(cumulative, random.NextDouble() * total);
            var lead = leads[pick < 0 ? Math.Min(~pick, leads.Count - 1) : pick];
            var start = DateOnly.FromDayNumber(FirstStart.DayNumber + random.Next(startSpan + 1));
            // Durations: mostly 6 to 18 months, some up to three years.
            var months = Math.Clamp((int)Math.Round(Math.Exp(2.35 + (0.45 * Gaussian(random))) * scale.ReportMonthsFactor), 3, 36);
            var due = start.AddMonths(months).AddDays(random.Next(-10, 11));

            var issuedBefore = UpperBound(documentDays, start.DayNumber);
            var document = issuedBefore == 0 ? documents[0] : documents[Math.Max(0, issuedBefore - 1 - random.Next(Math.Min(issuedBefore, 40)))];
            var clause = document.Clauses[random.Next(document.Clauses.Count)];
            var objective = document.KeyTask.SubTasks.Count == 0
                ? document.KeyTask
                : document.KeyTask.SubTasks[random.Next(document.KeyTask.SubTasks.Count)];

            measures.Add(new MeasurePlan(id, lead, document, clause, objective, start, due, Fate(random, start, due)));
        }
    }

    private static int UpperBound(int[] sorted, int value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid] <= value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>What has become of a measure by <see cref="AsOf"/>: status, progress, completion.</summary>
    private static MeasureFate Fate(Random random, DateOnly start, DateOnly due)
    {
        var roll = random.NextDouble();
        if (start > AsOf)
        {
            return roll < 0.04 ? new MeasureFate(MeasureStatus.Cancelled, 0, null, "计划调整，不再单独推进")
                : new MeasureFate(MeasureStatus.Draft, 0, null, null);
        }

        var elapsed = Math.Clamp((AsOf.DayNumber - start.DayNumber) * 100.0 / Math.Max(1, due.DayNumber - start.DayNumber), 0, 100);
        if (due < AsOf)
        {
            if (roll < 0.915)
            {
                var completedOn = DateOnly.FromDayNumber(Math.Clamp(due.DayNumber + (int)(Gaussian(random) * 25) - 15,
                    start.DayNumber + 20, AsOf.DayNumber - 1));
                return new MeasureFate(MeasureStatus.Completed, 100, completedOn, null);
            }

            if (roll < 0.955)
            {
                return new MeasureFate(MeasureStatus.Cancelled, random.Next(10, 70), null, "上级政策调整，该举措并入其他任务");
            }

            if (roll < 0.965)
            {
                return new MeasureFate(MeasureStatus.Suspended, random.Next(20, 80), null, "等待上级授权，暂缓实施");
            }

            return new MeasureFate(MeasureStatus.Active, random.Next(40, 96), null, null);
        }

        if (roll < 0.07 && elapsed > 30)
        {
            var completedOn = DateOnly.FromDayNumber(start.DayNumber + 20
                                                     + random.Next(Math.Max(1, AsOf.DayNumber - start.DayNumber - 20)));
            return new MeasureFate(MeasureStatus.Completed, 100, completedOn, null);
        }

        if (roll < 0.10)
        {
            return new MeasureFate(MeasureStatus.Suspended, (int)Math.Clamp(elapsed * random.NextDouble(), 0, 90), null,
                "配套条件尚不具备，暂缓实施");
        }

        if (roll < 0.12)
        {
            return new MeasureFate(MeasureStatus.Cancelled, (int)Math.Clamp(elapsed * random.NextDouble(), 0, 90), null,
                "与新出台政策重复，予以撤销");
        }

        if (roll < 0.13)
        {
            return new MeasureFate(MeasureStatus.Draft, 0, null, null);
        }

        // Active: most keep pace, some lag (yellow), a few lag badly (red).
        var progress = (int)Math.Clamp(Math.Round(elapsed - 6 + (16 * Gaussian(random))), 0, 99);
        return new MeasureFate(MeasureStatus.Active, progress, null, null);
    }

    private object?[] MeasureRow(MeasurePlan m)
    {
        var random = Stream(1, m.Id);
        var topic = Names.Topics[random.Next(Names.Topics.Length)];
        var verb = Names.Verbs[random.Next(Names.Verbs.Length)];
        var created = ToUtc(m.Start.AddDays(-random.Next(10, 40)), 1);
        var updated = m.Fate.CompletedOn is { } done ? ToUtc(done, 7)
            : m.Fate.Status == MeasureStatus.Draft ? created
            : ToUtc(Min(AsOf.AddDays(-random.Next(1, 30)), m.Due), 7);
        if (updated < created)
        {
            updated = created;
        }

        return
        [
            m.Id, $"{(scale.Cities == 0 ? "RC" : "MJ")}-{m.Start.Year}-{m.Id:D6}", $"{verb}{topic}（{m.Lead.Name}）",
            $"落实《{m.Document.Title}》第{m.Clause.Number}条，由{m.Lead.Name}牵头推进。",
            m.Document.Id, m.Clause.Id, m.Objective.Id, m.Lead.Id, m.Lead.Head!.Id,
            m.Start, m.Due, m.Fate.Status.ToString(), m.Fate.Progress, m.Fate.CompletedOn, m.Fate.Reason,
            new[] { Names.Tags[random.Next(Names.Tags.Length)] }, created, updated, 1,
        ];
    }

    private IEnumerable<object?[]> CoUnitRows()
    {
        foreach (var m in measures)
        {
            var random = Stream(2, m.Id);
            if (random.NextDouble() >= 0.3)
            {
                continue;
            }

            var count = random.Next(1, 3);
            var chosen = new SortedSet<int>();
            while (chosen.Count < count)
            {
                var unit = units[random.Next(1, units.Count)];
                if (unit.Id != m.Lead.Id)
                {
                    chosen.Add(unit.Id);
                }
            }

            foreach (var unitId in chosen)
            {
                yield return [m.Id, unitId];
            }
        }
    }

    private IEnumerable<object?[]> MilestoneRows()
    {
        var id = 0;
        foreach (var m in measures)
        {
            var random = Stream(3, m.Id);
            var count = random.Next(0, 4);
            var span = m.Due.DayNumber - m.Start.DayNumber;
            for (var i = 1; i <= count; i++)
            {
                var dueOn = DateOnly.FromDayNumber(m.Start.DayNumber + (span * i / (count + 1)));
                var done = dueOn <= AsOf && m.Fate.Status != MeasureStatus.Draft
                           && (m.Fate.Status == MeasureStatus.Completed || random.NextDouble() < 0.85);
                id++;
                yield return
                [
                    id, m.Id, Names.Milestones[(i - 1) % Names.Milestones.Length], dueOn, done ? dueOn.AddDays(random.Next(-5, 10)) : null,
                    done ? "相关材料已归档" : null, 1,
                ];
            }
        }
    }

    /// <summary>
    /// One report a month from the start to completion (or to the reference month), with gaps.
    /// Percentages rise to the measure's accepted progress; the report of the current month may
    /// still await review, and about one in sixteen is returned.
    /// </summary>
    private IEnumerable<object?[]> ReportRows()
    {
        var id = 0;
        var periods = new List<DateOnly>();
        foreach (var m in measures)
        {
            if (m.Fate.Status == MeasureStatus.Draft || m.Start > AsOf)
            {
                continue;
            }

            var random = Stream(4, m.Id);
            var end = m.Fate.CompletedOn ?? (m.Fate.Status is MeasureStatus.Cancelled or MeasureStatus.Suspended
                ? DateOnly.FromDayNumber(m.Start.DayNumber + ((Min(AsOf, m.Due).DayNumber - m.Start.DayNumber) * 2 / 3))
                : AsOf);
            periods.Clear();
            for (var month = new DateOnly(m.Start.Year, m.Start.Month, 1); month <= end; month = month.AddMonths(1))
            {
                if (random.NextDouble() >= 0.12 || month.AddMonths(1) > end)
                {
                    periods.Add(month);
                }
            }

            if (periods.Count == 0)
            {
                continue;
            }

            var current = new DateOnly(AsOf.Year, AsOf.Month, 1);
            var last = periods.Count - 1;
            // The latest report of an active measure may not be reviewed yet, or may have been returned.
            var pendingLast = m.Fate.Status == MeasureStatus.Active && periods[last] == current && last > 0 && random.NextDouble() < 0.5;
            var lastAccepted = pendingLast ? last - 1 : last;
            var liaison = m.Lead.Liaison!;
            for (var i = 0; i <= last; i++)
            {
                var period = periods[i];
                var percent = i <= lastAccepted
                    ? (int)Math.Round(m.Fate.Progress * (i + 1) / (double)(lastAccepted + 1))
                    : Math.Min(99, m.Fate.Progress + random.Next(0, 9));
                var status = i == lastAccepted ? ReportStatus.Accepted
                    : i > lastAccepted ? (random.NextDouble() < 0.85 ? ReportStatus.Submitted : ReportStatus.Returned)
                    : random.NextDouble() < 0.06 ? ReportStatus.Returned : ReportStatus.Accepted;
                var submittedOn = period == current
                    ? new DateOnly(period.Year, period.Month, random.Next(18, 25))
                    : period.AddMonths(1).AddDays(random.Next(0, 8) - 5);
                if (m.Fate.CompletedOn is { } completedOn && i == last && submittedOn < completedOn)
                {
                    submittedOn = completedOn;
                }

                var submittedAt = ToUtc(submittedOn, random.Next(1, 10));
                var reviewed = status != ReportStatus.Submitted;
                var reviewedAt = reviewed ? Min(submittedAt.AddDays(random.Next(1, 4)), ToUtc(AsOf, 8)) : (DateTime?)null;
                var behind = percent < 100 && random.NextDouble() < 0.25;
                var confidence = percent == 100 ? DeliveryConfidence.HighlyLikely
                    : behind ? (random.NextDouble() < 0.8 ? DeliveryConfidence.Unlikely : DeliveryConfidence.Unachievable)
                    : (random.NextDouble() < 0.4 ? DeliveryConfidence.HighlyLikely : DeliveryConfidence.Likely);
                id++;
                yield return
                [
                    id, m.Id, liaison.Name, submittedAt, status.ToString(),
                    reviewed ? Names.Reviewers[random.Next(Names.Reviewers.Length)] : null, reviewedAt,
                    status == ReportStatus.Returned ? Names.ReturnReasons[random.Next(Names.ReturnReasons.Length)] : null,
                    status == ReportStatus.Accepted ? confidence.ToString() : null,
                    status == ReportStatus.Accepted && random.NextDouble() < 0.2 ? "同意" : null,
                    1, confidence.ToString(),
                    percent == 100 ? "各项任务已全部完成，形成制度成果并报送总结材料" : Names.Done[random.Next(Names.Done.Length)],
                    random.NextDouble() < 0.5 ? "工作台账及会议纪要已上传" : null,
                    behind ? "涉及多部门协调，进度有所滞后，已提请改革办协调推进" : null,
                    percent == 100 ? null : Names.NextSteps[random.Next(Names.NextSteps.Length)],
                    behind ? Names.Obstacles[random.Next(Names.Obstacles.Length)] : null,
                    percent, period.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                ];
            }
        }
    }

    // ---- helpers ----

    /// <summary>A random stream of its own for each (purpose, row), so rows come out the same in any order.</summary>
    private Random Stream(int purpose, int row)
    {
        var x = unchecked(((ulong)(uint)seed << 32) ^ ((ulong)(uint)purpose << 24) ^ (ulong)(uint)row);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return new Random(unchecked((int)(x ^ (x >> 32))));
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static DateTime ToUtc(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed record UnitPlan(int Id, string Code, string Name, UnitKind Kind, int? ParentId, string Path, int Depth, double Weight)
    {
        public PersonPlan? Head { get; set; }
        public PersonPlan? Liaison { get; set; }
    }

    private sealed record PersonPlan(int Id, string Name, int UnitId, string Title, string Phone, bool IsLiaison);

    private sealed record ObjectivePlan(int Id, string Code, string Title, ObjectiveLevel Level, int? ParentId, string Path, int SortOrder)
    {
        public List<ObjectivePlan> SubTasks { get; } = [];
    }

    private sealed record MeetingPlan(int Id, int Number, DateOnly HeldOn, int BodyUnitId, string Title, string Agenda);

    private sealed record DocumentPlan(int Id, string Number, string Title, DocumentKind Kind, int? ParentId, DateOnly IssuedOn,
        ObjectivePlan KeyTask)
    {
        public List<ClausePlan> Clauses { get; } = [];
    }

    private sealed record ClausePlan(int Id, int DocumentId, int Number, string Text);

    private sealed record MeasureFate(MeasureStatus Status, int Progress, DateOnly? CompletedOn, string? Reason);

    private sealed record MeasurePlan(int Id, UnitPlan Lead, DocumentPlan Document, ClausePlan Clause, ObjectivePlan Objective,
        DateOnly Start, DateOnly Due, MeasureFate Fate);
}
