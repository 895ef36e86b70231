package fr.espacesante.domain.space;

/** Whether a space is in use (PRODUCT.md, "The life of a space"; closure comes with the lifecycle). */
public enum SpaceStatus { OPEN, CLOSED }
