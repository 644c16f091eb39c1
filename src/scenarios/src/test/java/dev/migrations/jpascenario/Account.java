package dev.migrations.jpascenario;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An account, as revision 002 leaves the table: with its e-mail address.
 */
@Entity
@Table(name = "accounts")
public class Account {

	@Id
	private Integer id;

	private String name;

	private String email;

	protected Account() {
	}

	public Integer getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getEmail() {
		return this.email;
	}

}
