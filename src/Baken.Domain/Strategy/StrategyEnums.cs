namespace Baken.Domain.Strategy;

/// <summary>The three pillars of the GBVS security approach, the "three V's".</summary>
public enum StrategyPillar { Voorkomen, Verdedigen, Versterken }

/// <summary>When in the chain of events a measure acts (METHODS §5).</summary>
public enum MeasureType { Preventive, Preparatory, Reactive }

public enum MeasureStatus { Proposed, Planned, InProgress, Implemented, Stopped }

/// <summary>An owner's judgement of a goal or measure at the time of a progress update.</summary>
public enum ProgressStatus { OnTrack, AtRisk, OffTrack, Done }
