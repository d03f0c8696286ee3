namespace Baken.Domain.Register;

public enum RiskDimension { Internal, External, Both }

/// <summary>The WRR's three lenses (2017); a risk may be seen through several.</summary>
[Flags]
public enum SecurityLens { None = 0, National = 1, Flow = 2, Human = 4 }

public enum ActorType { State, NonState }

public enum OrganisationType { Ministry, Service, KnowledgeInstitute, Council, Other }

public enum VitalCategory { A, B }
