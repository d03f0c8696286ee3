using Baken.Domain;
using F = Baken.Domain.Foresight;

namespace Baken.Application.Register;

/// <summary>The exploratory scenario frame of horizon scanning (METHODS §9): two key uncertainties, four worlds.</summary>
public static partial class RecordKinds
{
    public static readonly RecordKind ScenarioFrame = Kind<F.ScenarioFrame>("scenario-frame", "scenario-frames", "Scenarioverkenningen", "Scenario frames", "title",
        db => db.ScenarioFrames, b => b
            .Text("title", "Title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Int("horizon_years", "Years ahead: horizon scanning looks 6 to 20 years ahead", r => r.HorizonYears, (r, v) => r.HorizonYears = v, 6, 20)
            .Codes("drivers", "Trends and drivers behind the uncertainties", r => r.Drivers, (r, v) => r.Drivers = v, "trend")
            .Text("uncertainty_a", "First key uncertainty", r => r.UncertaintyA, (r, v) => r.UncertaintyA = v!, required: true)
            .Text("a_low", "Its one pole", r => r.ALow, (r, v) => r.ALow = v!, required: true)
            .Text("a_high", "Its other pole", r => r.AHigh, (r, v) => r.AHigh = v!, required: true)
            .Text("uncertainty_b", "Second key uncertainty", r => r.UncertaintyB, (r, v) => r.UncertaintyB = v!, required: true)
            .Text("b_low", "Its one pole", r => r.BLow, (r, v) => r.BLow = v!, required: true)
            .Text("b_high", "Its other pole", r => r.BHigh, (r, v) => r.BHigh = v!, required: true)
            .Text("world_1", "World 1 (A's one pole, B's one pole)", r => r.World1, (r, v) => r.World1 = v, multiline: true)
            .Text("world_2", "World 2 (A's one pole, B's other pole)", r => r.World2, (r, v) => r.World2 = v, multiline: true)
            .Text("world_3", "World 3 (A's other pole, B's one pole)", r => r.World3, (r, v) => r.World3 = v, multiline: true)
            .Text("world_4", "World 4 (A's other pole, B's other pole)", r => r.World4, (r, v) => r.World4 = v, multiline: true)
            .Text("scenario_1", "Register scenario made from world 1", r => r.Scenario1, (r, v) => r.Scenario1 = v, references: "scenario")
            .Text("scenario_2", "Register scenario made from world 2", r => r.Scenario2, (r, v) => r.Scenario2 = v, references: "scenario")
            .Text("scenario_3", "Register scenario made from world 3", r => r.Scenario3, (r, v) => r.Scenario3 = v, references: "scenario")
            .Text("scenario_4", "Register scenario made from world 4", r => r.Scenario4, (r, v) => r.Scenario4 = v, references: "scenario"));
}
