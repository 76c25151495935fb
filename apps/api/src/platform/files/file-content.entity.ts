import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FileEntity } from './file.entity';

/**
 * The bytes of a file held by the PostgreSQL store, apart from the metadata so that listing files
 * never reads content, and so that the metadata table is the same whichever store holds the
 * bytes. Stored uncompressed out of line (`STORAGE EXTERNAL`), so a download reads it in slices.
 */
@Entity({ name: 'file_contents' })
export class FileContentEntity {
  @PrimaryColumn({ name: 'file_id', type: 'uuid', primaryKeyConstraintName: 'file_contents_pkey' })
  fileId!: string;

  @ManyToOne(() => FileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'file_contents_file_id_fkey' })
  file?: FileEntity;

  @Column({ type: 'bytea' })
  bytes!: Buffer;
}
