package fr.espacesante.domain.person;

/**
 * A person as the registry delivers them, ready to store: the NIR is already reduced to its keyed
 * hash ({@code personKey}) and its sealed copy.
 */
public record RegistryPerson(String personKey, String sealedNir, Identity identity, ContactDetails contact) {
}
